// A CPU's shape, the cue that adds to its colour and pattern (theme/cpuPalette.ts) wherever a CPU
// is a small mark: lock ticks on the timeline (d3 symbols) and badges in text (glyphs).

export { cpuColor, cpuInk, cpuPattern } from '../theme/cpuPalette';

/**
 * Each shape as d3's symbol() draws it at the size of a lock tick on the timeline (34 px²), and
 * the diamond at the size of a violation marker (120 px²). Written out, since d3-shape is not on
 * the first screen; cpuStyle.test.ts checks them against d3-shape.
 */
const LOCK_PATHS = [
  'M3.29,0A3.29,3.29,0,1,1,-3.29,0A3.29,3.29,0,1,1,3.29,0',
  'M0,-5.116L4.431,2.558L-4.431,2.558Z',
  'M-2.915,-2.915h5.831v5.831h-5.831Z',
  'M0,-5.426L3.133,0L0,5.426L-3.133,0Z',
  'M1.574,0.908L1.574,4.056L-1.574,4.056L-1.574,0.908L-4.299,-0.665L-2.725,-3.39L0,-1.817L2.725,-3.39L4.299,-0.665Z',
] as const;
export const VIOLATION_PATH = 'M0,-10.194L5.886,0L0,10.194L-5.886,0Z';
/** Shape names, in the same order (for tooltips and tests). */
export const SHAPE_NAMES = ['circle', 'triangle', 'square', 'diamond', 'wye'] as const;
const GLYPHS = ['●', '▲', '■', '◆', 'Y'] as const;

const at = <T>(list: readonly T[], i: number): T =>
  list[((Math.trunc(i) % list.length) + list.length) % list.length]!;

/** The SVG path of the CPU's lock tick on the timeline. */
export const cpuLockPath = (cpu: number): string => at(LOCK_PATHS, cpu);
export const cpuShapeName = (cpu: number): string => at(SHAPE_NAMES, cpu);
/** The shape as a text glyph, for badges in HTML. */
export const cpuGlyph = (cpu: number): string => at(GLYPHS, cpu);
