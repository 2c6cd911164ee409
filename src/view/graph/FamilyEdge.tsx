// A pointer of the family tree, from a child anon_vma to its parent (or to its root, in eras
// with `root` only; dotted when the era has neither and the link was read from a chain).
import { memo } from 'react';
import { GEOMETRY } from '../layout/matrixLayout';
import type { EdgeScene } from './matrixScene';

function FamilyEdgeImpl(p: EdgeScene) {
  const r = GEOMETRY.anonVmaRadius;
  // Leave the child upwards, run level with the gap above it, end on the parent's side.
  const midY = p.y1 - r - 6;
  const side = p.x2 > p.x1 ? -1 : 1;
  const d = `M${p.x1},${p.y1 - r} V${midY} H${p.x2 + side * (r + 6)} L${p.x2 + side * (r - 1)},${p.y2 + 4}`;
  return (
    <g className={`family-edge is-${p.kind}`} data-edge={`${p.id}->${p.to}`}>
      <title>{`${p.id}->${p.kind === 'inferred' ? 'family (read from a chain)' : p.kind} = ${p.to}`}</title>
      <path d={d} markerEnd="url(#avf-arrow)" />
      {p.label && (
        <text
          className="family-edge-label"
          x={p.x2 + side * (r + 8)}
          y={midY - 4}
          textAnchor={side < 0 ? 'end' : 'start'}
        >
          {p.kind}
        </text>
      )}
    </g>
  );
}

export const FamilyEdge = memo(FamilyEdgeImpl);
