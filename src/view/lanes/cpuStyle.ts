// A CPU's shape, the cue that adds to its colour and pattern (theme/cpuPalette.ts) wherever a CPU
// is a small mark: lock ticks on the timeline (d3 symbols) and badges in text (glyphs).
import { symbolCircle, symbolDiamond, symbolSquare, symbolTriangle, symbolWye } from 'd3';
import type { SymbolType } from 'd3';

export { cpuColor, cpuInk, cpuPattern } from '../theme/cpuPalette';

const SHAPES: readonly SymbolType[] = [
  symbolCircle,
  symbolTriangle,
  symbolSquare,
  symbolDiamond,
  symbolWye,
];
/** Shape names, in the same order (for tooltips and tests). */
export const SHAPE_NAMES = ['circle', 'triangle', 'square', 'diamond', 'wye'] as const;
const GLYPHS = ['●', '▲', '■', '◆', 'Y'] as const;

const at = <T>(list: readonly T[], i: number): T =>
  list[((Math.trunc(i) % list.length) + list.length) % list.length]!;

export const cpuShape = (cpu: number): SymbolType => at(SHAPES, cpu);
export const cpuShapeName = (cpu: number): string => at(SHAPE_NAMES, cpu);
/** The shape as a text glyph, for badges in HTML. */
export const cpuGlyph = (cpu: number): string => at(GLYPHS, cpu);
