// A VMA: its label, its extent in the page strip, and the row its AVCs sit on. Its same_vma list
// is drawn by ListPath along the row.
import { memo } from 'react';
import { useAppStore } from '../../store';
import { GEOMETRY } from '../layout/matrixLayout';
import { highlightKey, lightsVma, useObjectHandlers } from './useObjectHandlers';

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
  /** right end of the row's hit area */
  rowEnd: number;
  anonVma: string | null;
  chain: string;
  changed: boolean;
  violated: boolean;
}

function VmaRowImpl(p: VmaRowProps) {
  const lit = useAppStore((s) => lightsVma(highlightKey(s), p.id));
  const handlers = useObjectHandlers(
    'vma',
    p.id,
    `VMA ${p.pid} [${p.start},${p.end}) ${p.prot}, anon_vma ${p.anonVma ?? 'none'}${p.chain ? `, chain ${p.chain}` : ''}`,
  );
  const h = GEOMETRY.vmaHeight - 10;
  const x = GEOMETRY.margin + 14;
  const ticks: number[] = [];
  if (p.cell >= 6) for (let i = 1; i < p.end - p.start; i++) ticks.push(p.extentX + i * p.cell);
  const cls = ['vma', lit && 'is-hovered', p.changed && 'is-changed', p.violated && 'is-violated']
    .filter(Boolean)
    .join(' ');
  return (
    <g
      data-kind="vma"
      data-id={p.id}
      data-highlight={lit ? 'true' : undefined}
      data-changed={p.changed ? 'true' : undefined}
      data-violation={p.violated ? 'true' : undefined}
      className={cls}
      {...handlers}
    >
      <title>{handlers['aria-label']}</title>
      <rect
        className="vma-hit"
        x={GEOMETRY.margin + 4}
        y={p.y - GEOMETRY.vmaHeight / 2 + 1}
        width={Math.max(0, p.rowEnd - GEOMETRY.margin - 4)}
        height={GEOMETRY.vmaHeight - 2}
        rx={4}
      />
      {(p.changed || p.violated) && (
        <rect
          className="halo"
          x={x - 6}
          y={p.y - h / 2 - 2}
          width={GEOMETRY.labelWidth - 2}
          height={h + 4}
          rx={5}
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
