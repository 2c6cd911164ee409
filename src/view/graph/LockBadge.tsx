// The lock of one anon_vma, drawn on its column header: free, held (W or R, one chip per holding
// CPU) or waited for (a dashed chip per waiting CPU). In root-locking eras a non-root anon_vma
// says whose lock it uses instead.
import { memo } from 'react';
import { CHIP_WIDTH, CpuChip } from './cpu';

export interface LockBadgeProps {
  x: number;
  /** top of the badge */
  y: number;
  /** `cpu0 cpu1` */
  locked: string;
  lockMode: 'w' | 'r' | null;
  waiting: string;
  ownLock: boolean;
  root: string | undefined;
}

const cpusOf = (list: string) =>
  list
    .split(' ')
    .filter(Boolean)
    .map((c) => Number(c.replace('cpu', '')));

/** Chips two by two, centred on `x`. */
function chips(cpus: number[], x: number, y: number, waiting: boolean) {
  return cpus.map((cpu, i) => {
    const line = Math.floor(i / 2);
    const inLine = Math.min(2, cpus.length - line * 2);
    const left = x - (inLine * CHIP_WIDTH) / 2 + (i % 2) * CHIP_WIDTH;
    return <CpuChip key={cpu} cpu={cpu} x={left} y={y + line * 18} waiting={waiting} />;
  });
}

function LockBadgeImpl(p: LockBadgeProps) {
  const holders = cpusOf(p.locked);
  const waiters = cpusOf(p.waiting);
  if (!p.ownLock && holders.length === 0 && waiters.length === 0) {
    return (
      <text className="lock-note" x={p.x} y={p.y + 8} textAnchor="middle">
        {p.root ? `lock: ${p.root}'s` : 'lock: root'}
      </text>
    );
  }
  const waitY = p.y + 26 + 18 * Math.max(1, Math.ceil(holders.length / 2));
  const title =
    holders.length === 0
      ? 'lock free'
      : `${p.lockMode === 'r' ? 'R' : 'W'} ${p.locked}${p.waiting ? `; waiting: ${p.waiting}` : ''}`;
  return (
    <g className={`lock-badge${holders.length ? ' is-held' : ''}`}>
      <text className="lock-state" x={p.x} y={p.y + 8} textAnchor="middle">
        {holders.length === 0
          ? 'lock free'
          : `${p.lockMode === 'r' ? 'R (read)' : 'W'} held${waiters.length > 1 ? `, ${waiters.length} wait` : ''}`}
      </text>
      <title>{title}</title>
      {chips(holders, p.x, p.y + 26, false)}
      {waiters.length === 1 && (
        <>
          <CpuChip cpu={waiters[0] ?? 0} x={p.x - CHIP_WIDTH + 2} y={waitY} waiting />
          <text className="lock-waits" x={p.x + 6} y={waitY} dy="0.35em">
            waits
          </text>
        </>
      )}
      {waiters.length > 1 && chips(waiters, p.x, waitY, true)}
    </g>
  );
}

export const LockBadge = memo(LockBadgeImpl);
