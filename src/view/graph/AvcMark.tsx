// An anon_vma_chain: the link of one VMA into one anon_vma, drawn where its row and column cross.
// Filled: the VMA's own anon_vma (vma->anon_vma); the number is its place in the VMA's chain.
import { memo } from 'react';
import { useAppStore } from '../../store';
import { GEOMETRY } from '../layout/matrixLayout';

export interface AvcMarkProps {
  /** `pid:start/avN` */
  id: string;
  vma: string;
  anonVma: string;
  x: number;
  y: number;
  color: string;
  /** 1-based place in the VMA's same_vma list (head first) */
  index: number;
  own: boolean;
}

function AvcMarkImpl(p: AvcMarkProps) {
  const lit = useAppStore((s) => s.hovered === p.vma || s.hovered === p.anonVma);
  return (
    <g data-kind="avc" data-id={p.id} className={`avc${lit ? ' is-hovered' : ''}`}>
      <title>{`anon_vma_chain ${p.vma} → ${p.anonVma} (entry ${p.index} of the VMA's chain)`}</title>
      <circle
        className={p.own ? 'avc-dot is-own' : 'avc-dot'}
        cx={p.x}
        cy={p.y}
        r={GEOMETRY.avcRadius}
        stroke={p.color}
        fill={p.own ? p.color : undefined}
      />
      <text
        className={p.own ? 'avc-index is-own' : 'avc-index'}
        x={p.x}
        y={p.y}
        dy="0.35em"
        textAnchor="middle"
      >
        {p.index}
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

/** Before anon_vma_chain (2.6.33) a VMA points to its anon_vma directly: a square, not an AVC. */
function AnonVmaLinkImpl(p: AnonVmaLinkProps) {
  const lit = useAppStore((s) => s.hovered === p.vma || s.hovered === p.anonVma);
  const r = GEOMETRY.avcRadius - 2;
  return (
    <g className={`anon-vma-link${lit ? ' is-hovered' : ''}`} data-link={`${p.vma}/${p.anonVma}`}>
      <title>{`${p.vma}: vma->anon_vma = ${p.anonVma} (no anon_vma_chain in this era)`}</title>
      <rect x={p.x - r} y={p.y - r} width={2 * r} height={2 * r} fill={p.color} stroke={p.color} />
    </g>
  );
}

export const AnonVmaLink = memo(AnonVmaLinkImpl);
