// A VMA: its label, its extent in the page strip, and the row its AVCs sit on. Its same_vma list
// is drawn by ListPath along the row. While its per-VMA lock (6.4 on) is held the row is outlined
// (solid: a writer, dashed: faulting readers) with the holders' CPU glyphs left of the label, and
// carries data-locked / data-waiting (Contract 4).
import { memo } from 'react';
import { useAppStore } from '../../store';
import { GEOMETRY } from '../layout/matrixLayout';
import { cpuColor } from '../theme/cpuPalette';
import { CpuGlyph } from './cpu';
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
  /** `cpu0 cpu1`: holders of its per-VMA lock; empty when free */
  locked: string;
  lockMode: 'w' | 'r' | null;
  /** `cpu1`: CPUs waiting for it */
  waiting: string;
  /** `cpu0`: CPUs whose rmap walk is visiting it now (the walker mark is drawn by Walker) */
  visiting: string;
}

const cpuNumbers = (list: string) =>
  list
    .split(' ')
    .filter(Boolean)
    .map((c) => Number(c.replace('cpu', '')));

/** The per-VMA lock in words, for the row's title. */
function lockWords(p: VmaRowProps): string {
  if (!p.locked && !p.waiting) return '';
  const held = p.locked
    ? `per-VMA lock held ${p.lockMode === 'r' ? 'for read' : 'for write'} by ${p.locked}`
    : 'per-VMA lock free';
  return p.waiting ? `${held}; waiting: ${p.waiting}` : held;
}

function VmaRowImpl(p: VmaRowProps) {
  const lit = useAppStore((s) => lightsVma(highlightKey(s), p.id));
  const lock = lockWords(p);
  const handlers = useObjectHandlers(
    'vma',
    p.id,
    `VMA ${p.pid} [${p.start},${p.end}) ${p.prot}, anon_vma ${p.anonVma ?? 'none'}${p.chain ? `, chain ${p.chain}` : ''}${lock ? `, ${lock}` : ''}${p.visiting ? `, visited by ${p.visiting}'s rmap walk` : ''}`,
  );
  const h = GEOMETRY.vmaHeight - 10;
  const x = GEOMETRY.margin + 14;
  const ticks: number[] = [];
  if (p.cell >= 6) for (let i = 1; i < p.end - p.start; i++) ticks.push(p.extentX + i * p.cell);
  const locked = p.locked !== '';
  const cls = [
    'vma',
    lit && 'is-hovered',
    p.changed && 'is-changed',
    p.violated && 'is-violated',
    locked && (p.lockMode === 'r' ? 'is-read-locked' : 'is-locked'),
    p.waiting && 'is-awaited',
    p.visiting && 'is-visited',
  ]
    .filter(Boolean)
    .join(' ');
  // at most two glyphs fit left of the label: holders first, then a waiter
  const marks = [
    ...cpuNumbers(p.locked).map((cpu) => ({ cpu, waiting: false })),
    ...cpuNumbers(p.waiting).map((cpu) => ({ cpu, waiting: true })),
  ].slice(0, 2);
  return (
    <g
      data-kind="vma"
      data-id={p.id}
      data-highlight={lit ? 'true' : undefined}
      data-changed={p.changed ? 'true' : undefined}
      data-violation={p.violated ? 'true' : undefined}
      data-locked={p.locked || undefined}
      data-waiting={p.waiting || undefined}
      data-visiting={p.visiting || undefined}
      className={cls}
      {...handlers}
    >
      <title>{handlers['aria-label']}</title>
      {p.visiting && (
        <rect
          className="vma-visit"
          style={{ stroke: cpuColor(cpuNumbers(p.visiting)[0] ?? 0) }}
          x={GEOMETRY.margin + 4}
          y={p.y - GEOMETRY.vmaHeight / 2 + 1}
          width={Math.max(0, p.rowEnd - GEOMETRY.margin - 4)}
          height={GEOMETRY.vmaHeight - 2}
          rx={4}
        />
      )}
      <rect
        className="vma-hit"
        x={GEOMETRY.margin + 4}
        y={p.y - GEOMETRY.vmaHeight / 2 + 1}
        width={Math.max(0, p.rowEnd - GEOMETRY.margin - 4)}
        height={GEOMETRY.vmaHeight - 2}
        rx={4}
      />
      {(locked || p.waiting) && (
        <rect
          className="vma-lock-ring"
          x={GEOMETRY.margin + 1}
          y={p.y - GEOMETRY.vmaHeight / 2 + 2}
          width={GEOMETRY.labelWidth + 3}
          height={GEOMETRY.vmaHeight - 4}
          rx={5}
        />
      )}
      {marks.map((m, i) => (
        <g key={`${m.cpu}-${m.waiting}`} className={m.waiting ? 'vma-lock-waiter' : undefined}>
          <CpuGlyph
            cpu={m.cpu}
            x={GEOMETRY.margin + 8}
            y={marks.length === 1 ? p.y : p.y + (i === 0 ? -6 : 6)}
            r={3.5}
          />
        </g>
      ))}
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
