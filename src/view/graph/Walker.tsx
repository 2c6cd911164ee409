// Where a CPU's rmap walk is: a ring in the CPU's colour (and its glyph and name) on the entry of
// the walked anon_vma's list it visits, where that VMA's row crosses the anon_vma's column. The
// same element moves from row to row as the walk goes (one per CPU, keyed by it), so the eye can
// follow the walk down the column; the VMA row itself carries data-visiting.
import { memo } from 'react';
import { parseAvcId } from '../../kernel';
import { GEOMETRY } from '../layout/matrixLayout';
import type { MatrixLayout } from '../layout/matrixLayout';
import { cpuColor, cpuInk } from '../theme/cpuPalette';
import { CpuGlyph, cpuName } from './cpu';

/** The crossing of the visited VMA's row and the walked anon_vma's column; null off the drawing. */
export function walkerAt(avc: string, layout: MatrixLayout): { x: number; y: number } | null {
  const link = parseAvcId(avc);
  if (!link) return null;
  const x = layout.columnX[link.anonVma];
  const y = layout.vmaY[link.vma];
  return x === undefined || y === undefined ? null : { x, y };
}

export interface WalkerProps {
  cpu: number;
  /** the VMA it visits (`pid:start`) */
  vma: string;
  x: number;
  y: number;
  /** the tag goes left of the ring (the rightmost column: nothing to cover, no room right) */
  flip?: boolean;
}

/** Width of the name tag right (or left) of the ring. */
export const WALKER_TAG = 62;

function WalkerImpl({ cpu, vma, x, y, flip = false }: WalkerProps) {
  const r = GEOMETRY.avcRadius + 6;
  const tagX = flip ? -r - 2 - 52 : r + 2;
  const arrowX = flip ? r + 2 : -r - 2;
  const dir = flip ? 1 : -1;
  return (
    <g
      className="walker"
      data-walker={cpuName(cpu)}
      data-vma={vma}
      style={{ transform: `translate(${x}px, ${y}px)` }}
      aria-hidden="true"
    >
      <circle className="walker-ring" r={r} style={{ stroke: cpuColor(cpu) }} />
      <path
        className="walker-arrow"
        d={`M${arrowX + dir * 10},-6 L${arrowX},0 L${arrowX + dir * 10},6 Z`}
        style={{ fill: cpuColor(cpu) }}
      />
      <g className="walker-tag">
        <rect x={tagX} y={-9} width={52} height={18} rx={4} style={{ stroke: cpuColor(cpu) }} />
        <CpuGlyph cpu={cpu} x={tagX + 9} y={0} r={4.5} />
        <text x={tagX + 16} y={0} dy="0.35em" style={{ fill: cpuInk(cpu) }}>
          {cpuName(cpu)}
        </text>
      </g>
    </g>
  );
}

export const Walker = memo(WalkerImpl);
