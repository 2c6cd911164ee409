// The timeline under the graph: 0..total micro-steps with markers for operations, lock
// acquisitions and violations. It is a slider: click or drag to scrub (the machine pauses while
// the pointer is down), arrow keys and Home/End from the page's shortcuts.
import { useMemo, useRef } from 'react';
import type { PointerEvent } from 'react';
import type { ScenarioOp } from '../../kernel/scenarioTypes';
import { Playback, useCursor } from '../playbackContext';
import { TimelineCursor } from './TimelineCursor';
import { TIMELINE_H, TimelineMarks } from './TimelineMarks';
import type { MarkerSource } from './timelineMarkers';
import { opAt, stepAtX, stepScale, timelineMarkers } from './timelineMarkers';
import { useWidth } from './useWidth';
import './timeline.css';

export interface TimelineProps {
  trace: MarkerSource;
  ops: readonly ScenarioOp[];
}

export function Timeline({ trace, ops }: TimelineProps) {
  const actor = Playback.useActorRef();
  const markers = useMemo(() => timelineMarkers(trace, ops), [trace, ops]);
  const total = markers.total;
  // The machine may still hold the previous trace's cursor for one render.
  const cursor = Math.min(useCursor(), total);
  const box = useRef<HTMLDivElement>(null);
  const width = useWidth(box);
  const scale = useMemo(() => stepScale(total, width), [total, width]);
  const dragging = useRef(false);
  const op = opAt(markers, cursor);

  const seekTo = (clientX: number) => {
    const left = box.current?.getBoundingClientRect().left ?? 0;
    actor.send({ type: 'SEEK', to: stepAtX(scale, clientX - left, total) });
  };
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0 || total === 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    e.currentTarget.focus();
    dragging.current = true;
    actor.send({ type: 'SCRUB_START' });
    seekTo(e.clientX);
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (dragging.current) seekTo(e.clientX);
  };
  const endDrag = () => {
    if (!dragging.current) return;
    dragging.current = false;
    actor.send({ type: 'SCRUB_END' });
  };

  const x = scale(cursor);
  return (
    <div className="timeline" data-testid="timeline-box">
      <div
        ref={box}
        className="timeline-slider"
        role="slider"
        tabIndex={0}
        data-kind="timeline"
        data-testid="timeline"
        aria-label="Timeline of micro-steps"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={cursor}
        aria-valuetext={`step ${cursor} of ${total}${op ? `, ${op.label}` : ''}`}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={endDrag}
        onPointerCancel={endDrag}
        onLostPointerCapture={endDrag}
      >
        {width > 0 && (
          <svg width={width} height={TIMELINE_H} aria-hidden>
            <TimelineMarks markers={markers} width={width} />
            <TimelineCursor x0={scale(0)} x={x} />
          </svg>
        )}
      </div>
      <p className="timeline-caption" data-testid="timeline-caption">
        <span>{op ? op.label : 'before the first operation'}</span>
        <span className="timeline-legend">
          {markers.violations.length > 0 && (
            <span className="legend-violation">{`${markers.violations.length} violation${markers.violations.length > 1 ? 's' : ''}`}</span>
          )}
          <span>{`${markers.locks.length} anon_vma locks taken`}</span>
        </span>
      </p>
    </div>
  );
}
