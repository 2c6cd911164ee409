// One side of the compare view: its graph (the trace pane of the main view), its scrub slider
// with the divergence marker, a compact step log and its violations, scoped by `data-pane`.
import { useMemo } from 'react';
import type { ReactNode } from 'react';
import type { Scenario } from '../../kernel';
import type { Trace } from '../../session/traces';
import { ScrubSlider } from '../timeline/ScrubSlider';
import { timelineMarkers } from '../timeline/timelineMarkers';
import { TracePane } from '../trace/TracePane';
import { PaneStepLog, PaneViolations } from './PaneLog';

export interface ComparePaneProps {
  side: 'left' | 'right';
  /** the pane's heading: which era and flags it replays, or its picker */
  head: ReactNode;
  trace: Trace;
  scenario: Scenario;
  cursor: number;
  divergence: number | null;
  onSeek: (step: number) => void;
  onScrub: (active: boolean) => void;
}

export function ComparePane(props: ComparePaneProps) {
  const { side, head, trace, scenario, cursor, divergence, onSeek, onScrub } = props;
  const name = side === 'left' ? 'Left' : 'Right';
  const markers = useMemo(() => timelineMarkers(trace, scenario.ops), [trace, scenario]);
  return (
    <section className="compare-pane" data-pane={side} aria-label={`${name} pane`}>
      <div className="compare-pane-head">{head}</div>
      {trace.stopped !== null && (
        <p className="trace-stopped" role="status">{`The model stopped: ${trace.stopped}`}</p>
      )}
      <TracePane
        label={`${name} pane: anon_vma forest graph`}
        trace={trace}
        cursor={cursor}
        emptyText="No process at this step."
      />
      <div className="timeline pane-timeline">
        <ScrubSlider
          markers={markers}
          cursor={cursor}
          label={`${name} pane timeline`}
          testId="pane-timeline"
          valueText={`step ${cursor} of ${markers.total}`}
          divergence={divergence}
          arrowKeys
          onSeek={onSeek}
          onScrub={onScrub}
        />
      </div>
      <PaneStepLog steps={trace.steps} cursor={cursor} divergence={divergence} />
      <PaneViolations violations={trace.violations} cursor={cursor} onSeek={onSeek} />
    </section>
  );
}
