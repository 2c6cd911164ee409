// The moving part of a timeline: progress bar and cursor at x (the markers stay memoized).
import { TIMELINE_H, TRACK_H, TRACK_Y } from './TimelineMarks';

export function TimelineCursor({ x0, x }: { x0: number; x: number }) {
  return (
    <g className="timeline-cursor">
      <rect
        className="timeline-progress"
        x={x0}
        y={TRACK_Y}
        width={Math.max(0, x - x0)}
        height={TRACK_H}
        rx={4}
      />
      <line x1={x} x2={x} y1={4} y2={TIMELINE_H - 2} />
      <circle cx={x} cy={TRACK_Y + TRACK_H / 2} r={7} />
    </g>
  );
}
