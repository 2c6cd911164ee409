// The static part of the timeline: track, op ticks and names, lock ticks, violation markers.
// Memoized on the markers and the width, so moving the cursor never re-renders it (only
// TimelineCursor moves).
import { memo, useMemo } from 'react';
import { VIOLATION_PATH, cpuColor, cpuLockPath, cpuShapeName } from '../lanes/cpuStyle';
import type { TimelineMarkers } from './timelineMarkers';
import { stepScale, thinned, visibleOpLabels } from './timelineMarkers';

export const TRACK_Y = 22;
export const TRACK_H = 10;
export const LOCK_Y = 44;
export const TIMELINE_H = 56;

export interface TimelineMarksProps {
  markers: TimelineMarkers;
  width: number;
}

export const TimelineMarks = memo(function TimelineMarks({ markers, width }: TimelineMarksProps) {
  const scale = useMemo(() => stepScale(markers.total, width), [markers.total, width]);
  const labels = useMemo(() => visibleOpLabels(markers.ops, scale), [markers.ops, scale]);
  const ops = useMemo(() => thinned(markers.ops, scale), [markers.ops, scale]);
  const locks = useMemo(() => thinned(markers.locks, scale), [markers.locks, scale]);
  const violations = useMemo(() => thinned(markers.violations, scale), [markers.violations, scale]);
  const [x0, x1] = scale.range() as [number, number];
  return (
    <g className="timeline-marks">
      <rect className="timeline-track" x={x0} y={TRACK_Y} width={x1 - x0} height={TRACK_H} rx={4} />
      <g className="timeline-ops">
        {ops.map((m) => (
          <g key={m.op} data-kind="op-marker" data-step={m.pos} data-op={m.op}>
            <title>{`${m.label} (step ${m.pos})`}</title>
            <line x1={scale(m.pos)} x2={scale(m.pos)} y1={12} y2={TRACK_Y + TRACK_H + 4} />
            {/* a wider invisible hit area, so the title shows without pixel hunting */}
            <rect className="hit" x={scale(m.pos) - 4} y={0} width={8} height={TRACK_Y + TRACK_H} />
          </g>
        ))}
        {labels.map((m) => (
          <text key={m.op} className="timeline-op-name" x={scale(m.pos) + 2} y={10} aria-hidden>
            {m.name}
          </text>
        ))}
      </g>
      <g className="timeline-locks">
        {locks.map((m) => (
          <path
            key={m.pos}
            data-kind="lock-marker"
            data-step={m.pos}
            data-cpu={`cpu${m.cpu}`}
            transform={`translate(${scale(m.pos)},${LOCK_Y})`}
            d={cpuLockPath(m.cpu)}
            style={{ fill: cpuColor(m.cpu) }}
          >
            <title>{`step ${m.pos}: cpu${m.cpu} (${cpuShapeName(m.cpu)}) takes ${m.owner}${m.mode === 'r' ? ' for reading' : ''}`}</title>
          </path>
        ))}
      </g>
      <g className="timeline-violations">
        {violations.map((m, i) => (
          <g
            key={`${m.pos}-${m.kind}-${i}`}
            data-kind="violation-marker"
            data-step={m.pos}
            data-violation-kind={m.kind}
            transform={`translate(${scale(m.pos)},${TRACK_Y + TRACK_H / 2})`}
          >
            <title>{`step ${m.pos}: ${m.kind}: ${m.message}`}</title>
            <line y1={-TRACK_Y + 2} y2={TIMELINE_H - TRACK_Y - TRACK_H / 2} />
            <path d={VIOLATION_PATH} />
          </g>
        ))}
      </g>
    </g>
  );
});
