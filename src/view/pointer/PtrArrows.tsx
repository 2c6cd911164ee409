// One list of the pointer view drawn as arrows hop by hop: a VMA's same_vma list or an
// anon_vma's same_anon_vma list. Lit when the pointer is over its owner or one of its AVCs.
import { memo } from 'react';
import { useAppStore } from '../../store';
import { listColor } from '../graph/ListPath';
import { highlightKey, lightsAnonVma, lightsVma } from '../graph/useObjectHandlers';
import { classes } from './ptrAttrs';

export interface PtrArrowsProps {
  owner: string;
  list: 'same_vma' | 'same_anon_vma';
  /** path data of each hop, joined by `|` */
  hops: string;
  color?: string;
}

function PtrArrowsImpl(p: PtrArrowsProps) {
  const lit = useAppStore((s) =>
    p.list === 'same_vma'
      ? lightsVma(highlightKey(s), p.owner)
      : lightsAnonVma(highlightKey(s), p.owner),
  );
  return (
    <g
      className={classes('ptr-list', `is-${p.list}`, lit && 'is-hovered')}
      data-list={p.list}
      data-owner={p.owner}
      data-highlight={lit ? 'true' : undefined}
      style={listColor(p.color)}
      aria-hidden="true"
    >
      {p.hops.split('|').map((d, i) => (
        <path key={i} d={d} markerEnd="url(#avf-arrow)" />
      ))}
    </g>
  );
}

export const PtrArrows = memo(PtrArrowsImpl);
