// A compare pane's timeline: the usual op, lock and violation marks, the pane's own cursor and
// the divergence marker. Scrubbing it moves the page's one cursor through `onSeek`, which maps
// the pane's step back to the left trace.
import { useMemo, useRef } from 'react';
import type { KeyboardEvent, PointerEvent } from 'react';
import type { ScenarioOp } from '../../kernel/scenarioTypes';
import { TimelineCursor } from '../timeline/TimelineCursor';
import { TIMELINE_H, TimelineMarks } from '../timeline/TimelineMarks';
import type { MarkerSource } from '../timeline/timelineMarkers';
import { stepAtX, stepScale, timelineMarkers } from '../timeline/timelineMarkers';
import { useWidth } from '../timeline/useWidth';
import '../timeline/timeline.css';

export interface PaneTimelineProps {
  trace: MarkerSource;
  ops: readonly ScenarioOp[];
  cursor: number;
  /** 1-based step where the two traces part ways (clamped to this trace), or null */
  divergence: number | null;
  label: string;
  onSeek: (step: number) => void;
  onScrub: (active: boolean) => void;
}

export function PaneTimeline(props: PaneTimelineProps) {
  const { trace, ops, cursor, divergence, label, onSeek, onScrub } = props;
  const markers = useMemo(() => timelineMarkers(trace, ops), [trace, ops]);
  const total = markers.total;
  const box = useRef<HTMLDivElement>(null);
  const width = useWidth(box);
  const scale = useMemo(() => stepScale(total, width), [total, width]);
  const dragging = useRef(false);

  const seekTo = (clientX: number) => {
    const left = box.current?.getBoundingClientRect().left ?? 0;
    onSeek(stepAtX(scale, clientX - left, total));
  };
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0 || total === 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    dragging.current = true;
    onScrub(true);
    seekTo(e.clientX);
  };
  const endDrag = () => {
    if (!dragging.current) return;
    dragging.current = false;
    onScrub(false);
  };
  // The page's arrow keys step the left trace; on this slider they step this one.
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const by = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (by === 0) return;
    e.preventDefault();
    onSeek(Math.min(total, Math.max(0, cursor + by)));
  };

  const x = scale(Math.min(cursor, total));
  const dx = divergence === null ? null : scale(divergence);
  return (
    <div className="timeline pane-timeline">
      <div
        ref={box}
        className="timeline-slider"
        role="slider"
        tabIndex={0}
        data-kind="timeline"
        data-testid="pane-timeline"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={cursor}
        aria-valuetext={`step ${cursor} of ${total}`}
        onPointerDown={onPointerDown}
        onPointerMove={(e) => dragging.current && seekTo(e.clientX)}
        onPointerUp={endDrag}
        onPointerCancel={endDrag}
        onLostPointerCapture={endDrag}
        onKeyDown={onKeyDown}
      >
        {width > 0 && (
          <svg width={width} height={TIMELINE_H} aria-hidden>
            <TimelineMarks markers={markers} width={width} />
            {dx !== null && divergence !== null && (
              <g
                className="divergence-marker"
                data-kind="divergence-marker"
                data-step={divergence}
                transform={`translate(${dx},0)`}
              >
                <title>{`first difference at step ${divergence}`}</title>
                <line y1={0} y2={TIMELINE_H} />
                <path d="M -6 0 L 6 0 L 0 8 Z" />
              </g>
            )}
            <TimelineCursor x0={scale(0)} x={x} />
          </svg>
        )}
      </div>
    </div>
  );
}
