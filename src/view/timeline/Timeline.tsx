// The timeline under the graph: the scrub slider over the playback machine's trace, and a
// caption naming the op at the cursor with the counts of violations and anon_vma locks. Arrow
// keys and Home/End come from the page's shortcuts.
import { useMemo } from 'react';
import type { ScenarioOp } from '../../kernel';
import { useAfterFirstPaint } from '../page/painted';
import { Playback } from '../playback/playback';
import { ScrubSlider } from './ScrubSlider';
import type { MarkerSource } from './timelineMarkers';
import { markersOf, opAt } from './timelineMarkers';

export interface TimelineProps {
  trace: MarkerSource;
  cursor: number;
  ops: readonly ScenarioOp[];
}

export function Timeline({ trace, cursor, ops }: TimelineProps) {
  const actor = Playback.useActorRef();
  const markers = useMemo(() => markersOf(trace, ops), [trace, ops]);
  const total = markers.total;
  const op = opAt(markers, cursor);
  const slider = useAfterFirstPaint(1);
  return (
    <div className="timeline" data-testid="timeline-box">
      {/* the slider's drawing mounts after the page's first paint (painted.ts); its box, of a
          fixed height, keeps the place */}
      {slider ? (
        <ScrubSlider
          markers={markers}
          cursor={cursor}
          label="Timeline of micro-steps"
          testId="timeline"
          valueText={`step ${cursor} of ${total}${op ? `, ${op.label}` : ''}`}
          onSeek={(to) => actor.send({ type: 'SEEK', to })}
          onScrub={(on) => actor.send({ type: on ? 'SCRUB_START' : 'SCRUB_END' })}
        />
      ) : (
        <div className="timeline-slider" aria-hidden="true" />
      )}
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
