// A process in the pointer view: a band holding its VMAs.
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
}

function PtrProcessImpl(p: PtrProcessProps) {
  const handlers = useObjectHandlers(
    'process',
    p.pid,
    p.parent ? `process ${p.pid}, child of ${p.parent}` : `process ${p.pid}`,
  );
  return (
    <g
      data-kind="process"
      data-id={p.pid}
      data-changed={p.changed ? 'true' : undefined}
      className={classes('ptr-process', p.changed && 'is-changed')}
      {...handlers}
    >
      <rect className="ptr-band" x={p.x} y={p.y} width={p.w} height={p.h} rx={6} />
      <text className="ptr-process-label" x={p.x + 8} y={p.y + 16}>
        {p.pid}
        {p.parent !== null && <tspan className="ptr-parent">{`  child of ${p.parent}`}</tspan>}
      </text>
    </g>
  );
}

export const PtrProcess = memo(PtrProcessImpl);
