// A VMA: its label, its extent in the page strip and a guide line across the anon_vma columns
// it is chained to.
import { memo } from 'react';
import { useAppStore } from '../../store';
import { GEOMETRY } from '../layout/matrixLayout';

export interface VmaRowProps {
  id: string;
  pid: string;
  start: number;
  end: number;
  prot: 'r' | 'rw';
  growsdown: boolean;
  y: number;
  /** left edge and width of [start, end) in the page strip */
  extentX: number;
  extentWidth: number;
  /** width of one page cell, for the grid */
  cell: number;
  /** x of the rightmost column this VMA is chained to (or the strip's end) */
  guideEnd: number;
  anonVma: string | null;
  chain: string;
}

function VmaRowImpl(p: VmaRowProps) {
  const hovered = useAppStore((s) => s.hovered === p.id);
  const setHovered = useAppStore((s) => s.setHovered);
  const h = GEOMETRY.vmaHeight - 8;
  const x = GEOMETRY.margin + 14;
  const ticks: number[] = [];
  if (p.cell >= 6) for (let i = 1; i < p.end - p.start; i++) ticks.push(p.extentX + i * p.cell);
  return (
    <g
      data-kind="vma"
      data-id={p.id}
      className={`vma${hovered ? ' is-hovered' : ''}`}
      onPointerEnter={() => setHovered(p.id)}
      onPointerLeave={() => setHovered(null)}
    >
      <title>
        {[
          `VMA ${p.pid} [${p.start},${p.end}) ${p.prot}${p.growsdown ? ' growsdown' : ''}`,
          `anon_vma ${p.anonVma ?? 'none'}`,
          p.chain ? `chain ${p.chain}` : 'no chain',
        ].join('\n')}
      </title>
      <rect
        className="vma-hit"
        x={GEOMETRY.margin + 4}
        y={p.y - GEOMETRY.vmaHeight / 2}
        width={Math.max(0, p.guideEnd - GEOMETRY.margin)}
        height={GEOMETRY.vmaHeight}
      />
      {p.chain && (
        <line
          className="vma-guide"
          x1={p.extentX + p.extentWidth}
          x2={p.guideEnd}
          y1={p.y}
          y2={p.y}
        />
      )}
      <text className="vma-label" x={x} y={p.y} dy="0.35em">
        {`${p.pid} [${p.start},${p.end})`}
      </text>
      <text
        className="vma-prot"
        x={GEOMETRY.margin + GEOMETRY.labelWidth}
        y={p.y}
        dy="0.35em"
        textAnchor="end"
      >
        {p.prot}
      </text>
      <rect
        className="vma-extent"
        x={p.extentX}
        y={p.y - h / 2}
        width={p.extentWidth}
        height={h}
        rx={3}
      />
      {ticks.map((tx) => (
        <line key={tx} className="vma-tick" x1={tx} x2={tx} y1={p.y - h / 2} y2={p.y + h / 2} />
      ))}
    </g>
  );
}

export const VmaRow = memo(VmaRowImpl);
