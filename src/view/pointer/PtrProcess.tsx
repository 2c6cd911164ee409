// A process in the pointer view: a band holding its VMAs, marked while its mmap lock is held.
import { memo } from 'react';
import { useObjectHandlers } from '../graph/useObjectHandlers';
import { classes } from './ptrAttrs';

export interface PtrProcessProps {
  pid: string;
  parent: string | null;
  x: number;
  y: number;
  w: number;
  h: number;
  changed: boolean;
  /** the era's name for the semaphore */
  lockName: 'mmap_sem' | 'mmap_lock';
  /** `cpu0`: holders of its mmap lock; empty when free */
  locked: string;
  lockMode: 'w' | 'r' | null;
  waiting: string;
}

/** `mmap_lock: W cpu0, cpu1 waiting`, or empty while the lock is free and awaited by nobody. */
function lockWords(p: PtrProcessProps): string {
  if (!p.locked && !p.waiting) return '';
  const held = p.locked ? `${p.lockMode === 'r' ? 'R' : 'W'} ${p.locked}` : 'free';
  return `${p.lockName}: ${held}${p.waiting ? `, ${p.waiting} waiting` : ''}`;
}

function PtrProcessImpl(p: PtrProcessProps) {
  const lock = lockWords(p);
  const handlers = useObjectHandlers(
    'process',
    p.pid,
    `${p.parent ? `process ${p.pid}, child of ${p.parent}` : `process ${p.pid}`}${lock ? `, ${lock}` : ''}`,
  );
  return (
    <g
      data-kind="process"
      data-id={p.pid}
      data-changed={p.changed ? 'true' : undefined}
      data-locked={p.locked || undefined}
      data-waiting={p.waiting || undefined}
      className={classes('ptr-process', p.changed && 'is-changed', p.locked && 'is-locked')}
      {...handlers}
    >
      <rect className="ptr-band" x={p.x} y={p.y} width={p.w} height={p.h} rx={6} />
      <text className="ptr-process-label" x={p.x + 8} y={p.y + 16}>
        {p.pid}
        {p.parent !== null && <tspan className="ptr-parent">{`  child of ${p.parent}`}</tspan>}
        {lock && <tspan className="ptr-lock">{`  ${lock}`}</tspan>}
      </text>
    </g>
  );
}

export const PtrProcess = memo(PtrProcessImpl);
