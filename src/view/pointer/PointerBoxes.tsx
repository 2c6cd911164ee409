// The anon_vma, VMA and AVC boxes of the pointer view, one memoized component per object, with the same
// Contract 4 attributes (data-kind, data-id, data-locked, data-waiting) as in the matrix.
import { memo } from 'react';
import { useAppStore } from '../../store';
import { CHIP_WIDTH, CpuChip } from '../graph/cpu';
import { classes, flags } from './ptrAttrs';
import type { BoxProps } from './ptrAttrs';
import {
  highlightKey,
  lightsAnonVma,
  lightsVma,
  useObjectHandlers,
} from '../graph/useObjectHandlers';

export interface PtrAnonVmaProps extends BoxProps {
  color: string;
  /** `root=av0 parent=av0`, the pointers the era has */
  pointers: string;
  counters: string;
  locked: string;
  lockMode: 'w' | 'r' | null;
  waiting: string;
}

const cpusOf = (list: string) =>
  list
    .split(' ')
    .filter(Boolean)
    .map((c) => Number(c.slice(3)));

function PtrAnonVmaImpl(p: PtrAnonVmaProps) {
  const lit = useAppStore((s) => lightsAnonVma(highlightKey(s), p.id));
  const handlers = useObjectHandlers(
    'anon_vma',
    p.id,
    `anon_vma ${p.id}, ${p.pointers} ${p.counters}${p.locked ? `, locked by ${p.locked}` : ''}`,
  );
  const holders = cpusOf(p.locked);
  const waiters = cpusOf(p.waiting);
  const lockY = p.y + 70;
  const waitX = p.x + (holders.length ? 26 + holders.length * CHIP_WIDTH : 8);
  return (
    <g
      data-kind="anon_vma"
      data-id={p.id}
      data-locked={p.locked || undefined}
      data-waiting={p.waiting || undefined}
      data-highlight={lit ? 'true' : undefined}
      {...flags(p.changed, p.violated)}
      className={classes(
        'ptr-box ptr-anon-vma',
        lit && 'is-hovered',
        p.locked && 'is-locked',
        p.changed && 'is-changed',
        p.violated && 'is-violated',
      )}
      {...handlers}
    >
      {(p.changed || p.violated) && (
        <rect className="halo" x={p.x - 4} y={p.y - 4} width={p.w + 8} height={p.h + 8} rx={8} />
      )}
      <rect
        className="ptr-frame"
        x={p.x}
        y={p.y}
        width={p.w}
        height={p.h}
        rx={5}
        style={{ stroke: p.color }}
      />
      <text className="ptr-title" x={p.x + 8} y={p.y + 16}>{`anon_vma ${p.id}`}</text>
      <text className="ptr-field" x={p.x + 8} y={p.y + 33}>
        {p.pointers}
      </text>
      <text className="ptr-field" x={p.x + 8} y={p.y + 49}>
        {p.counters}
      </text>
      {holders.length === 0 && waiters.length === 0 && (
        <text className="ptr-field is-muted" x={p.x + 8} y={lockY + 4}>
          lock free
        </text>
      )}
      {holders.length > 0 && (
        <text className="ptr-lock" x={p.x + 8} y={lockY + 4}>
          {p.lockMode === 'r' ? 'R' : 'W'}
        </text>
      )}
      {holders.map((cpu, i) => (
        <CpuChip key={`h${cpu}`} cpu={cpu} x={p.x + 22 + i * CHIP_WIDTH} y={lockY} />
      ))}
      {waiters.length > 0 && (
        <text className="ptr-waits" x={waitX} y={lockY + 4}>
          waits
        </text>
      )}
      {waiters.map((cpu, i) => (
        <CpuChip key={`w${cpu}`} cpu={cpu} x={waitX + 38 + i * CHIP_WIDTH} y={lockY} waiting />
      ))}
    </g>
  );
}

export const PtrAnonVma = memo(PtrAnonVmaImpl);

export interface PtrVmaProps extends BoxProps {
  label: string;
  anonVma: string | null;
  /** holders of its per-VMA lock (6.4 on), `cpu0 cpu1`, and its mode; waiting CPUs */
  locked: string;
  lockMode: 'w' | 'r' | null;
  waiting: string;
  /** `cpu0`: CPUs whose rmap walk is visiting it now */
  visiting: string;
}

function PtrVmaImpl(p: PtrVmaProps) {
  const lit = useAppStore((s) => lightsVma(highlightKey(s), p.id));
  const lock = p.locked
    ? `, per-VMA lock held ${p.lockMode === 'r' ? 'for read' : 'for write'} by ${p.locked}`
    : '';
  const handlers = useObjectHandlers(
    'vma',
    p.id,
    `VMA ${p.label}, anon_vma ${p.anonVma ?? 'none'}${lock}${p.waiting ? `, waiting: ${p.waiting}` : ''}${p.visiting ? `, visited by ${p.visiting}'s rmap walk` : ''}`,
  );
  return (
    <g
      data-kind="vma"
      data-id={p.id}
      data-highlight={lit ? 'true' : undefined}
      data-locked={p.locked || undefined}
      data-waiting={p.waiting || undefined}
      data-visiting={p.visiting || undefined}
      {...flags(p.changed, p.violated)}
      className={classes(
        'ptr-box ptr-vma',
        p.visiting && 'is-visited',
        lit && 'is-hovered',
        p.changed && 'is-changed',
        p.violated && 'is-violated',
        p.locked && (p.lockMode === 'r' ? 'is-read-locked' : 'is-locked'),
      )}
      {...handlers}
    >
      {(p.changed || p.violated) && (
        <rect className="halo" x={p.x - 4} y={p.y - 4} width={p.w + 8} height={p.h + 8} rx={8} />
      )}
      <rect className="ptr-frame" x={p.x} y={p.y} width={p.w} height={p.h} rx={5} />
      <text className="ptr-title" x={p.x + 8} y={p.y + 15}>{`vma ${p.label}`}</text>
      <text
        className="ptr-field"
        x={p.x + 8}
        y={p.y + 32}
      >{`anon_vma = ${p.anonVma ?? 'NULL'}`}</text>
      {p.locked && (
        <text className="ptr-field ptr-lock" x={p.x + p.w - 8} y={p.y + 15} textAnchor="end">
          {`vm_lock ${p.lockMode === 'r' ? 'R' : 'W'} ${p.locked}`}
        </text>
      )}
    </g>
  );
}

export const PtrVma = memo(PtrVmaImpl);

export interface PtrAvcProps extends BoxProps {
  vma: string;
  anonVma: string;
  index: number;
  color: string;
}

function PtrAvcImpl(p: PtrAvcProps) {
  const lit = useAppStore(
    (s) =>
      highlightKey(s) === p.id ||
      lightsVma(highlightKey(s), p.vma) ||
      lightsAnonVma(highlightKey(s), p.anonVma),
  );
  const handlers = useObjectHandlers(
    'avc',
    p.id,
    `anon_vma_chain ${p.id}, entry ${p.index} of ${p.vma}'s same_vma list`,
  );
  return (
    <g
      data-kind="avc"
      data-id={p.id}
      {...flags(p.changed, p.violated)}
      className={classes(
        'ptr-box ptr-avc',
        lit && 'is-hovered',
        p.changed && 'is-changed',
        p.violated && 'is-violated',
      )}
      style={{ transform: `translate(${p.x}px, ${p.y}px)` }}
      {...handlers}
    >
      {(p.changed || p.violated) && (
        <rect className="halo" x={-4} y={-4} width={p.w + 8} height={p.h + 8} rx={8} />
      )}
      <rect className="ptr-frame" width={p.w} height={p.h} rx={5} style={{ stroke: p.color }} />
      <text className="ptr-title" x={8} y={14}>{`avc #${p.index}`}</text>
      <text className="ptr-field" x={8} y={28}>{`anon_vma = ${p.anonVma}`}</text>
    </g>
  );
}

export const PtrAvc = memo(PtrAvcImpl);
