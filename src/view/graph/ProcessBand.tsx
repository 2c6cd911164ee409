// A process: a band with its name, holding its VMA rows.
import { memo } from 'react';
import { GEOMETRY } from '../layout/matrixLayout';
import { useObjectHandlers } from './useObjectHandlers';

export interface ProcessBandProps {
  pid: string;
  parent: string | null;
  y: number;
  height: number;
  width: number;
  changed: boolean;
}

function ProcessBandImpl(p: ProcessBandProps) {
  const x = GEOMETRY.margin;
  const handlers = useObjectHandlers(
    'process',
    p.pid,
    p.parent === null ? `process ${p.pid}` : `process ${p.pid}, child of ${p.parent}`,
  );
  return (
    <g
      data-kind="process"
      data-id={p.pid}
      data-changed={p.changed ? 'true' : undefined}
      className={`process${p.changed ? ' is-changed' : ''}`}
      {...handlers}
    >
      <title>{handlers['aria-label']}</title>
      <rect
        className="process-band"
        x={x}
        y={p.y}
        width={p.width - 2 * x}
        height={p.height}
        rx={6}
      />
      <text className="process-label" x={x + 8} y={p.y + GEOMETRY.processHeight / 2} dy="0.35em">
        {p.pid}
        {p.parent !== null && <tspan className="process-parent">{`  child of ${p.parent}`}</tspan>}
      </text>
    </g>
  );
}

export const ProcessBand = memo(ProcessBandImpl);
