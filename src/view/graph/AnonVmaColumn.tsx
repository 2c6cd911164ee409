// One anon_vma: its node in the family tree (double ring: a root), a stem down to its column
// header (reference count, lock badge), and a faint band down the matrix holding its AVCs.
// Carries the Contract 4 attributes: data-locked / data-waiting exactly when its lock is held /
// awaited.
import { memo } from 'react';
import { useAppStore } from '../../store';
import { GEOMETRY } from '../layout/matrixLayout';
import { LockBadge } from './LockBadge';
import type { ColumnScene } from './matrixScene';
import { highlightKey, lightsAnonVma, useObjectHandlers } from './useObjectHandlers';

function AnonVmaColumnImpl(p: ColumnScene) {
  const lit = useAppStore((s) => lightsAnonVma(highlightKey(s), p.id));
  const r = GEOMETRY.anonVmaRadius;
  const isRoot = p.root !== undefined && p.root === p.id;
  const lockText = p.locked
    ? `, ${p.lockMode === 'r' ? 'read' : 'write'}-locked by ${p.locked}`
    : '';
  const handlers = useObjectHandlers(
    'anon_vma',
    p.id,
    `anon_vma ${p.id}${isRoot ? ' (root)' : ''}${p.reused ? ', memory reused' : ''}, refcount ${p.refcount}${lockText}${p.waiting ? `, ${p.waiting} waiting` : ''}`,
  );
  const w = GEOMETRY.columnWidth;
  const meta = [`ref ${p.refcount}`, p.refs ? `refs ${p.refs}` : '', p.reused ? 'reused' : '']
    .filter(Boolean)
    .join(' · ');
  const cls = [
    'anon-vma',
    lit && 'is-hovered',
    p.locked && 'is-locked',
    p.changed && 'is-changed',
    p.violated && 'is-violated',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <g
      data-kind="anon_vma"
      data-id={p.id}
      data-locked={p.locked || undefined}
      data-waiting={p.waiting || undefined}
      data-reused={p.reused || undefined}
      data-highlight={lit ? 'true' : undefined}
      data-changed={p.changed ? 'true' : undefined}
      data-violation={p.violated ? 'true' : undefined}
      className={cls}
      {...handlers}
    >
      <title>{handlers['aria-label']}</title>
      <rect
        className="anon-vma-guide"
        x={p.x - w / 2 + 5}
        y={p.headerTop - 4}
        width={w - 10}
        height={p.bottom - p.headerTop + 8}
        rx={8}
      />
      <line className="anon-vma-stem" x1={p.x} x2={p.x} y1={p.nodeY + r} y2={p.headerTop - 4} />
      {/* the head (circle, labels, lock): what the camera keeps in view when the column is
          taller than the pane (data-core, zoom/framing.ts) */}
      <g data-core="">
        {(p.changed || p.violated) && (
          <circle className="halo" cx={p.x} cy={p.nodeY} r={r + (isRoot ? 9 : 6)} />
        )}
        {isRoot && (
          <circle className="anon-vma-root-ring" cx={p.x} cy={p.nodeY} r={r + 4} stroke={p.color} />
        )}
        <circle className="anon-vma-node" cx={p.x} cy={p.nodeY} r={r} stroke={p.color} />
        <text className="anon-vma-label" x={p.x} y={p.nodeY} dy="0.35em" textAnchor="middle">
          {p.id}
        </text>
        <text className="anon-vma-meta" x={p.x} y={p.headerTop + 10} textAnchor="middle">
          {meta}
        </text>
        <LockBadge
          x={p.x}
          y={p.headerTop + 16}
          locked={p.locked}
          lockMode={p.lockMode}
          waiting={p.waiting}
          ownLock={p.ownLock}
          root={p.root}
        />
      </g>
    </g>
  );
}

export const AnonVmaColumn = memo(AnonVmaColumnImpl);
