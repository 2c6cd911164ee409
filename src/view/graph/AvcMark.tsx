// An anon_vma_chain: the link of one VMA into one anon_vma, drawn where its row and column cross.
// Filled: the VMA's own anon_vma (vma->anon_vma). The number inside is its place on the VMA's
// same_vma list (the row, head first); the small `↓n` its place on the anon_vma's
// same_anon_vma list or interval tree (the column). Hovering it lights both lists.
import { memo } from 'react';
import { avcId } from '../../kernel';
import { useAppStore } from '../../store';
import { GEOMETRY } from '../layout/matrixLayout';
import type { AvcScene } from './matrixScene';
import { highlightKey, lightsAnonVma, lightsVma, useObjectHandlers } from './useObjectHandlers';

function AvcMarkImpl(p: AvcScene) {
  const lit = useAppStore(
    (s) =>
      highlightKey(s) === p.id ||
      lightsVma(highlightKey(s), p.vma) ||
      lightsAnonVma(highlightKey(s), p.anonVma),
  );
  const where = p.treeIndex
    ? `entry ${p.chainIndex} of ${p.vma}'s same_vma list, entry ${p.treeIndex} of ${p.anonVma}'s same_anon_vma list`
    : `entry ${p.chainIndex} of ${p.vma}'s same_vma list, missing from ${p.anonVma}'s same_anon_vma list`;
  const handlers = useObjectHandlers('avc', p.id, `anon_vma_chain ${p.id}: ${where}`);
  const r = GEOMETRY.avcRadius;
  const cls = [
    'avc',
    lit && 'is-hovered',
    p.changed && 'is-changed',
    p.violated && 'is-violated',
    !p.treeIndex && 'is-unlisted',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <g
      data-kind="avc"
      data-id={p.id}
      data-changed={p.changed ? 'true' : undefined}
      data-violation={p.violated ? 'true' : undefined}
      className={cls}
      style={{ transform: `translate(${p.x}px, ${p.y}px)` }}
      {...handlers}
    >
      <title>{handlers['aria-label']}</title>
      {(p.changed || p.violated) && <circle className="halo" r={r + 5} />}
      <circle
        className={p.own ? 'avc-dot is-own' : 'avc-dot'}
        r={r}
        stroke={p.color}
        fill={p.own ? p.color : undefined}
      />
      <text className={p.own ? 'avc-index is-own' : 'avc-index'} dy="0.35em" textAnchor="middle">
        {p.chainIndex}
      </text>
      <text className="avc-tree-index" x={r + 1} y={r + 4}>
        {p.treeIndex ? `↓${p.treeIndex}` : '∉'}
      </text>
    </g>
  );
}

export const AvcMark = memo(AvcMarkImpl);

export interface AnonVmaLinkProps {
  vma: string;
  anonVma: string;
  x: number;
  y: number;
  color: string;
}

/**
 * Before anon_vma_chain (2.6.33) a VMA points to its anon_vma directly: an arrow up the column to
 * the anon_vma, a glyph of its own (not the AVC's circle, not a page's square).
 */
function AnonVmaLinkImpl(p: AnonVmaLinkProps) {
  const lit = useAppStore(
    (s) => lightsVma(highlightKey(s), p.vma) || lightsAnonVma(highlightKey(s), p.anonVma),
  );
  const r = GEOMETRY.avcRadius;
  return (
    <g
      className={`anon-vma-link${lit ? ' is-hovered' : ''}`}
      data-link={avcId(p.vma, p.anonVma)}
      style={{ transform: `translate(${p.x}px, ${p.y}px)` }}
    >
      <title>{`${p.vma}: vma->anon_vma = ${p.anonVma} (no anon_vma_chain in this era)`}</title>
      <path className="anon-vma-link-stem" d={`M0,${r - 1} V${-r + 7}`} stroke={p.color} />
      <path
        className="anon-vma-link-head"
        d={`M0,${-r} L${r - 3},${-r + 9} L${-r + 3},${-r + 9} Z`}
        fill={p.color}
        stroke={p.color}
      />
    </g>
  );
}

export const AnonVmaLink = memo(AnonVmaLinkImpl);
