// A process: a band with its name, holding its VMA rows. While its mmap_sem / mmap_lock is held
// the band is outlined and its label says by whom (data-locked / data-waiting, Contract 4).
import { memo } from 'react';
import { GEOMETRY } from '../layout/matrixLayout';
import { useObjectHandlers } from './useObjectHandlers';

export interface ProcessBandProps {
  pid: string;
  parent: string | null;
  y: number;
  height: number;
  width: number;
  changed: boolean;
  /** the era's name for the semaphore */
  lockName: 'mmap_sem' | 'mmap_lock';
  /** `cpu0`: holders of its mmap lock; empty when free */
  locked: string;
  lockMode: 'w' | 'r' | null;
  waiting: string;
}

/** `mmap_lock: W cpu0, cpu1 waits` */
function lockWords(p: ProcessBandProps): string {
  if (!p.locked && !p.waiting) return '';
  const held = p.locked ? `${p.lockMode === 'r' ? 'R' : 'W'} ${p.locked}` : 'free';
  const waits = p.waiting ? `, ${p.waiting} ${p.waiting.includes(' ') ? 'wait' : 'waits'}` : '';
  return `${p.lockName}: ${held}${waits}`;
}

function ProcessBandImpl(p: ProcessBandProps) {
  const x = GEOMETRY.margin;
  const lock = lockWords(p);
  const handlers = useObjectHandlers(
    'process',
    p.pid,
    `${p.parent === null ? `process ${p.pid}` : `process ${p.pid}, child of ${p.parent}`}${lock ? `, ${lock}` : ''}`,
  );
  return (
    <g
      data-kind="process"
      data-id={p.pid}
      data-changed={p.changed ? 'true' : undefined}
      data-locked={p.locked || undefined}
      data-waiting={p.waiting || undefined}
      className={`process${p.changed ? ' is-changed' : ''}${p.locked ? ' is-locked' : ''}`}
      {...handlers}
    >
      <title>{handlers['aria-label']}</title>
      <rect
        className="process-band"
        x={x}
        y={p.y}
        width={p.width - 2 * x}
        height={p.height}
        rx={6}
      />
      <text className="process-label" x={x + 8} y={p.y + GEOMETRY.processHeight / 2} dy="0.35em">
        {p.pid}
        {p.parent !== null && <tspan className="process-parent">{`  child of ${p.parent}`}</tspan>}
        {lock && <tspan className="process-lock">{`  ${lock}`}</tspan>}
      </text>
    </g>
  );
}

export const ProcessBand = memo(ProcessBandImpl);
