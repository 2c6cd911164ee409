// The scrub slider: 0..total micro-steps with the trace's op, lock and violation marks, the
// cursor and, in a compare pane, where two traces part ways. Click or drag to scrub (`onScrub`
// says when the pointer goes down and up, so playback pauses meanwhile); `onSeek` moves the
// cursor. The main timeline and both compare panes draw this one slider.
import { useMemo, useRef } from 'react';
import type { KeyboardEvent, PointerEvent } from 'react';
import { TimelineCursor } from './TimelineCursor';
import { TIMELINE_H, TimelineMarks } from './TimelineMarks';
import type { TimelineMarkers } from './timelineMarkers';
import { stepAtX, stepScale } from './timelineMarkers';
import { useWidth } from './useWidth';
import './timeline.css';

export interface ScrubSliderProps {
  markers: TimelineMarkers;
  cursor: number;
  label: string;
  testId: string;
  /** aria-valuetext */
  valueText: string;
  onSeek: (step: number) => void;
  onScrub: (active: boolean) => void;
  /** 1-based step where two traces part ways (a compare pane), or null */
  divergence?: number | null;
  /** the arrow keys step this slider (a compare pane); else the page's shortcuts do */
  arrowKeys?: boolean;
}

export function ScrubSlider(props: ScrubSliderProps) {
  const { markers, cursor, label, testId, valueText, onSeek, onScrub } = props;
  const divergence = props.divergence ?? null;
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
    e.currentTarget.focus();
    dragging.current = true;
    onScrub(true);
    seekTo(e.clientX);
  };
  const endDrag = () => {
    if (!dragging.current) return;
    dragging.current = false;
    onScrub(false);
  };
  // In a compare pane the arrow keys step this slider's own trace (and the page's keys leave
  // them alone: they are handled here).
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const by = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (by === 0) return;
    e.preventDefault();
    onSeek(Math.min(total, Math.max(0, cursor + by)));
  };

  const dx = divergence === null ? null : scale(divergence);
  return (
    <div
      ref={box}
      className="timeline-slider"
      role="slider"
      tabIndex={0}
      data-kind="timeline"
      data-testid={testId}
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={total}
      aria-valuenow={cursor}
      aria-valuetext={valueText}
      onPointerDown={onPointerDown}
      onPointerMove={(e) => dragging.current && seekTo(e.clientX)}
      onPointerUp={endDrag}
      onPointerCancel={endDrag}
      onLostPointerCapture={endDrag}
      {...(props.arrowKeys ? { onKeyDown } : {})}
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
        </svg>
      )}
      {width > 0 && (
        // The cursor in an SVG of its own over the marks: a step repaints this one, not the
        // hundreds of marks under it.
        <svg className="timeline-cursor-layer" width={width} height={TIMELINE_H} aria-hidden>
          <TimelineCursor x0={scale(0)} x={scale(cursor)} />
        </svg>
      )}
    </div>
  );
}
