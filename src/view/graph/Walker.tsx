// Where a CPU's rmap walk is: a ring in the CPU's colour (and its glyph and name) on the entry of
// the walked anon_vma's list it visits, where that VMA's row crosses the anon_vma's column. The
// same element moves from row to row as the walk goes (one per CPU, keyed by it), so the eye can
// follow the walk down the column; the VMA row itself carries data-visiting.
import { memo } from 'react';
import type { ReactNode } from 'react';
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

/** The walker's element: where the tests and the eye find it (both views). */
export function WalkerFrame(props: {
  cpu: number;
  vma: string;
  x: number;
  y: number;
  children: ReactNode;
}) {
  return (
    <g
      className="walker"
      data-walker={cpuName(props.cpu)}
      data-vma={props.vma}
      style={{ transform: `translate(${props.x}px, ${props.y}px)` }}
      aria-hidden="true"
    >
      {props.children}
    </g>
  );
}

/** The CPU's name tag, its top-left corner at (x, y). */
export function WalkerTag({
  cpu,
  x,
  y,
  width,
}: {
  cpu: number;
  x: number;
  y: number;
  width: number;
}) {
  return (
    <g className="walker-tag">
      <rect x={x} y={y} width={width} height={18} rx={4} style={{ stroke: cpuColor(cpu) }} />
      <CpuGlyph cpu={cpu} x={x + 9} y={y + 9} r={4.5} />
      <text x={x + 16} y={y + 9} dy="0.35em" style={{ fill: cpuInk(cpu) }}>
        {cpuName(cpu)}
      </text>
    </g>
  );
}

function WalkerImpl({ cpu, vma, x, y, flip = false }: WalkerProps) {
  const r = GEOMETRY.avcRadius + 6;
  const tagX = flip ? -r - 2 - 52 : r + 2;
  const arrowX = flip ? r + 2 : -r - 2;
  const dir = flip ? 1 : -1;
  return (
    <WalkerFrame cpu={cpu} vma={vma} x={x} y={y}>
      <circle className="walker-ring" r={r} style={{ stroke: cpuColor(cpu) }} />
      <path
        className="walker-arrow"
        d={`M${arrowX + dir * 10},-6 L${arrowX},0 L${arrowX + dir * 10},6 Z`}
        style={{ fill: cpuColor(cpu) }}
      />
      <WalkerTag cpu={cpu} x={tagX} y={-9} width={52} />
    </WalkerFrame>
  );
}

export const Walker = memo(WalkerImpl);
