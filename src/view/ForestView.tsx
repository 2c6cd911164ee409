// The state at the cursor: step log, graph and violations of one trace.
import { useMemo } from 'react';
import type { Scenario } from '../kernel/scenarioTypes';
import type { Trace } from '../session/session';
import { TraceCodePanel } from './code/TraceCodePanel';
import { ForestCanvas } from './canvas/ForestCanvas';
import { detailFor } from './canvas/levelOfDetail';
import { GraphDrawing, useGraphContent } from './graph/GraphDrawing';
import { GraphFrame } from './graph/GraphFrame';
import { Citation, Narration } from './narration/Narration';
import { useCursor } from './playbackContext';
import { StepLog } from './StepLog';
import { useTraceLayout } from './useTraceLayout';
import { CpuLanes } from './lanes/CpuLanes';
import { Timeline } from './timeline/Timeline';
import { ViolationBanner } from './ViolationBanner';
import { ViolationList } from './ViolationList';
import { ZoomPane } from './zoom/ZoomPane';

export interface ForestViewProps {
  trace: Trace;
  /** with the captions that fit this trace (withCaptions) */
  scenario: Scenario;
  embed: boolean;
}

export function ForestView({ trace, scenario, embed }: ForestViewProps) {
  const total = trace.steps.length;
  // The machine may still hold the previous trace's cursor for one render.
  const cursor = Math.min(useCursor(), total);
  const view = useMemo(() => trace.stateAt(cursor), [trace, cursor]);
  const layout = useTraceLayout(trace, cursor, view);
  // Huge forests are drawn on a canvas: one SVG element per object cannot pan at 30 fps.
  const detail = useMemo(() => detailFor(view), [view]);
  const content = useGraphContent(view, layout);
  const cpus = useMemo(() => 1 + Math.max(0, ...trace.steps.map((st) => st.cpu)), [trace]);
  return (
    <>
      {!embed && <Citation scenario={scenario} />}
      {!embed && <Narration scenario={scenario} opStarts={trace.opStarts} cursor={cursor} />}
      {!embed && (
        <StepLog
          cursor={cursor}
          total={total}
          steps={trace.steps}
          scenario={scenario}
          view={view}
        />
      )}
      {trace.stopped !== null && (
        <p className="trace-stopped" role="status">{`The model stopped: ${trace.stopped}`}</p>
      )}
      {!embed && <ViolationBanner violations={trace.violations} cursor={cursor} />}
      <GraphFrame cpus={cpus}>
        <ZoomPane
          id="graph"
          label="anon_vma forest graph"
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
              emptyText={
                cursor === 0
                  ? 'No process yet: step forward to run the scenario.'
                  : 'No process is alive at this step.'
              }
            />
          )}
        </ZoomPane>
      </GraphFrame>
      <Timeline trace={trace} ops={scenario.ops} />
      {!embed && <CpuLanes trace={trace} ops={scenario.ops} view={view} cursor={cursor} />}
      {!embed && <ViolationList violations={trace.violations} cursor={cursor} />}
      {!embed && <TraceCodePanel trace={trace} cursor={cursor} scenario={scenario} />}
    </>
  );
}
