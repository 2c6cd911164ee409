// One CPU's lane: a cell per step of the block, filled where this CPU took the step. The cells
// are drawn once per trace and width; only the veil over the steps after the cursor and the
// outline of the current step move. A click moves the cursor to the clicked step.
import { memo, useRef } from 'react';
import { Playback } from '../playback/playback';
import { useWidth } from '../timeline/useWidth';
import { cpuColor, cpuPattern } from './cpuStyle';

export interface LaneStripProps {
  cpu: number;
  cells: readonly number[];
  /** 0-based index of the block's first step */
  from: number;
  cursor: number;
}

export const LANE_H = 18;

const LaneCells = memo(function LaneCells({
  cpu,
  cells,
  w,
}: {
  cpu: number;
  cells: readonly number[];
  w: number;
}) {
  const style = { fill: cpuPattern(cpu), stroke: cpuColor(cpu) };
  return (
    <g>
      {cells.map((c, i) =>
        c === cpu ? (
          <rect
            key={i}
            x={i * w}
            y={1}
            width={Math.max(w - (w > 4 ? 1 : 0), 1)}
            height={LANE_H - 2}
            style={style}
          />
        ) : null,
      )}
    </g>
  );
});

export function LaneStrip({ cpu, cells, from, cursor }: LaneStripProps) {
  const actor = Playback.useActorRef();
  const box = useRef<HTMLDivElement>(null);
  const width = useWidth(box);
  const n = Math.max(cells.length, 1);
  const w = width / n;
  // index within the block of the step shown at the cursor (-1: before the block)
  const current = Math.min(cursor - 1 - from, cells.length);
  return (
    <div ref={box} className="lane-strip">
      {width > 0 && (
        <svg
          width={width}
          height={LANE_H}
          aria-hidden
          onClick={(e) => {
            const left = e.currentTarget.getBoundingClientRect().left;
            const col = Math.min(Math.max(Math.floor((e.clientX - left) / w), 0), n - 1);
            actor.send({ type: 'SEEK', to: from + col + 1 });
          }}
        >
          <rect className="lane-track" width={width} height={LANE_H} rx={3} />
          <LaneCells cpu={cpu} cells={cells} w={w} />
          {current + 1 < cells.length && (
            <rect
              className="lane-future"
              x={Math.max(current + 1, 0) * w}
              width={width - Math.max(current + 1, 0) * w}
              height={LANE_H}
            />
          )}
          {current >= 0 && current < cells.length && (
            <rect
              className="lane-current"
              data-step={cursor}
              x={current * w}
              y={0}
              width={Math.max(w, 2)}
              height={LANE_H}
            />
          )}
        </svg>
      )}
    </div>
  );
}
