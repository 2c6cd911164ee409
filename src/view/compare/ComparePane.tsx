// One side of the compare view: its graph (the same drawing as the main view), its timeline with
// the divergence marker, a compact step log and its violations, scoped by `data-pane`.
import { useMemo } from 'react';
import type { ReactNode } from 'react';
import type { Scenario } from '../../kernel/scenarioTypes';
import type { Trace } from '../../session/session';
import { ForestCanvas } from '../canvas/ForestCanvas';
import { detailFor } from '../canvas/levelOfDetail';
import { GraphDrawing, useGraphContent } from '../graph/GraphDrawing';
import { useTraceLayout } from '../useTraceLayout';
import { ZoomPane } from '../zoom/ZoomPane';
import { PaneStepLog, PaneViolations } from './PaneLog';
import { PaneTimeline } from './PaneTimeline';

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
  const view = useMemo(() => trace.stateAt(cursor), [trace, cursor]);
  const layout = useTraceLayout(trace, cursor, view);
  const detail = useMemo(() => detailFor(view), [view]);
  const content = useGraphContent(view, layout);
  const name = side === 'left' ? 'Left' : 'Right';
  return (
    <section className="compare-pane" data-pane={side} aria-label={`${name} pane`}>
      <div className="compare-pane-head">{head}</div>
      {trace.stopped !== null && (
        <p className="trace-stopped" role="status">{`The model stopped: ${trace.stopped}`}</p>
      )}
      <ZoomPane
        label={`${name} pane: anon_vma forest graph`}
        content={content}
        resetKey={trace}
        overlay={detail === 'canvas' ? <ForestCanvas view={view} layout={layout} /> : null}
      >
        {detail === 'svg' && (
          <GraphDrawing
            trace={trace}
            cursor={cursor}
            view={view}
            layout={layout}
            emptyText="No process at this step."
          />
        )}
      </ZoomPane>
      <PaneTimeline
        trace={trace}
        ops={scenario.ops}
        cursor={cursor}
        divergence={divergence}
        label={`${name} pane timeline`}
        onSeek={onSeek}
        onScrub={onScrub}
      />
      <PaneStepLog steps={trace.steps} cursor={cursor} divergence={divergence} />
      <PaneViolations violations={trace.violations} cursor={cursor} onSeek={onSeek} />
    </section>
  );
}
