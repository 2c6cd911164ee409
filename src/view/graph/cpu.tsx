// CPU identity is colour (Okabe–Ito, safe for colour blindness, from the theme's palette) AND a
// fill pattern AND a shape AND a text label, so that colour is never the only cue.
import { memo } from 'react';
import { cpuColor, cpuInk, cpuPattern } from '../theme/cpuPalette';

const SHAPES = ['circle', 'triangle', 'square', 'diamond'] as const;
export type CpuShape = (typeof SHAPES)[number];

export const cpuShape = (cpu: number): CpuShape => SHAPES[cpu % SHAPES.length] ?? 'circle';
export const cpuName = (cpu: number) => `cpu${cpu}`;
/** `cpu0 cpu1`, the Contract 4 form of a list of CPUs */
export const cpuList = (cpus: readonly number[]) => cpus.map(cpuName).join(' ');

export interface CpuGlyphProps {
  cpu: number;
  x: number;
  y: number;
  /** half the glyph's width */
  r?: number;
}

/** The CPU's shape, filled with its pattern (its plain colour where the pattern is missing). */
function CpuGlyphImpl({ cpu, x, y, r = 5 }: CpuGlyphProps) {
  const cls = 'cpu-glyph';
  const style = { fill: `${cpuPattern(cpu)} ${cpuColor(cpu)}`, stroke: cpuColor(cpu) };
  switch (cpuShape(cpu)) {
    case 'triangle':
      return (
        <path
          className={cls}
          style={style}
          d={`M${x},${y - r} L${x + r},${y + r * 0.8} L${x - r},${y + r * 0.8}Z`}
        />
      );
    case 'square':
      return (
        <rect
          className={cls}
          style={style}
          x={x - r * 0.85}
          y={y - r * 0.85}
          width={r * 1.7}
          height={r * 1.7}
        />
      );
    case 'diamond':
      return (
        <path
          className={cls}
          style={style}
          d={`M${x},${y - r} L${x + r},${y} L${x},${y + r} L${x - r},${y}Z`}
        />
      );
    default:
      return <circle className={cls} style={style} cx={x} cy={y} r={r} />;
  }
}

export const CpuGlyph = memo(CpuGlyphImpl);

export interface CpuChipProps {
  cpu: number;
  /** left edge and vertical centre */
  x: number;
  y: number;
  waiting?: boolean;
}

export const CHIP_WIDTH = 46;

/** A labelled CPU: its glyph and `cpuN` in a rounded box edged with its colour. */
function CpuChipImpl({ cpu, x, y, waiting = false }: CpuChipProps) {
  return (
    <g className={`cpu-chip${waiting ? ' is-waiting' : ''}`}>
      <rect
        className="cpu-chip-box"
        style={{ stroke: cpuColor(cpu) }}
        x={x}
        y={y - 8}
        width={CHIP_WIDTH - 2}
        height={16}
        rx={4}
      />
      <CpuGlyph cpu={cpu} x={x + 8} y={y} r={4.5} />
      <text className="cpu-chip-label" style={{ fill: cpuInk(cpu) }} x={x + 15} y={y} dy="0.35em">
        {cpuName(cpu)}
      </text>
    </g>
  );
}

export const CpuChip = memo(CpuChipImpl);
