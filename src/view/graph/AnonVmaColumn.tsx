// One anon_vma: a node at the top of its column, with its root, reference count and lock state,
// and a faint guide down the matrix.
import { memo } from 'react';
import { useAppStore } from '../../store';
import { GEOMETRY } from '../layout/matrixLayout';

export interface AnonVmaColumnProps {
  id: string;
  x: number;
  top: number;
  bottom: number;
  color: string;
  /** root anon_vma id, when the era tracks it */
  root: string | undefined;
  parent: string | undefined;
  refcount: number;
  /** number of entries on its same_anon_vma list / tree */
  treeSize: number;
  /** `cpu0 cpu1`: holders of its lock; empty when free */
  locked: string;
  lockMode: 'w' | 'r' | null;
  /** `cpu1`: CPUs waiting for its lock */
  waiting: string;
  refs: string;
}

function AnonVmaColumnImpl(p: AnonVmaColumnProps) {
  const hovered = useAppStore((s) => s.hovered === p.id);
  const setHovered = useAppStore((s) => s.setHovered);
  const r = GEOMETRY.anonVmaRadius;
  const cy = p.top + r + 4;
  const isRoot = p.root !== undefined && p.root === p.id;
  const details = [
    `anon_vma ${p.id}`,
    p.root !== undefined ? `root ${p.root}` : null,
    p.parent !== undefined ? `parent ${p.parent}` : null,
    `refcount ${p.refcount}`,
    `same_anon_vma: ${p.treeSize} AVC${p.treeSize === 1 ? '' : 's'}`,
    p.locked ? `locked (${p.lockMode === 'r' ? 'read' : 'write'}) by ${p.locked}` : 'unlocked',
    p.waiting ? `waiting: ${p.waiting}` : null,
    p.refs ? `references: ${p.refs}` : null,
  ].filter((line) => line !== null);

  const meta: { text: string; cls: string }[] = [];
  if (p.root !== undefined) {
    meta.push({ text: isRoot ? 'root' : `root ${p.root}`, cls: 'anon-vma-meta' });
  }
  meta.push({ text: `ref ${p.refcount}`, cls: 'anon-vma-meta' });
  if (p.refs) meta.push({ text: `refs ${p.refs}`, cls: 'anon-vma-meta' });
  if (p.locked) {
    meta.push({ text: p.lockMode === 'r' ? 'read-locked' : 'locked', cls: 'anon-vma-lock' });
    meta.push({ text: p.locked, cls: 'anon-vma-lock' });
  }
  if (p.waiting) {
    meta.push({ text: 'waiting', cls: 'anon-vma-wait' });
    meta.push({ text: p.waiting, cls: 'anon-vma-wait' });
  }
  const firstLine = cy + r + 14;

  return (
    <g
      data-kind="anon_vma"
      data-id={p.id}
      data-locked={p.locked || undefined}
      data-waiting={p.waiting || undefined}
      className={`anon-vma${hovered ? ' is-hovered' : ''}${p.locked ? ' is-locked' : ''}`}
      onPointerEnter={() => setHovered(p.id)}
      onPointerLeave={() => setHovered(null)}
    >
      <title>{details.join('\n')}</title>
      <rect
        className="anon-vma-guide"
        x={p.x - GEOMETRY.columnWidth / 2 + 4}
        y={p.top}
        width={GEOMETRY.columnWidth - 8}
        height={p.bottom - p.top}
        rx={6}
      />
      {isRoot && (
        <circle className="anon-vma-root-ring" cx={p.x} cy={cy} r={r + 4} stroke={p.color} />
      )}
      <circle className="anon-vma-node" cx={p.x} cy={cy} r={r} stroke={p.color} />
      <text className="anon-vma-label" x={p.x} y={cy} dy="0.35em" textAnchor="middle">
        {p.id}
      </text>
      {meta.map((m, i) => (
        <text key={m.cls + i} className={m.cls} x={p.x} y={firstLine + 13 * i} textAnchor="middle">
          {m.text}
        </text>
      ))}
    </g>
  );
}

export const AnonVmaColumn = memo(AnonVmaColumnImpl);
