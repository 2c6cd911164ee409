// The page's main view: the playback machine's trace at its cursor (one snapshot, so the cursor
// always belongs to the trace), with the narration, the step log, the graph, the timeline, the
// CPU lanes, the violations and the code panel around the trace pane.
import { useMemo } from 'react';
import type { Scenario } from '../../kernel';
import type { Trace } from '../../session/traces';
import { LazyCodePanel } from '../code/LazyCodePanel';
import { CpuStrip } from '../cpus/CpuStrip';
import { GraphFrame } from '../graph/GraphFrame';
import { CpuLanes } from '../lanes/CpuLanes';
import { Citation, Narration } from '../narration/Narration';
import { StepLog } from '../steps/StepLog';
import { Timeline } from '../timeline/Timeline';
import { ViolationBanner } from '../violations/ViolationBanner';
import { ViolationList } from '../violations/ViolationList';
import { usePlayhead } from '../playback/playback';
import { TracePane, useStateAt } from './TracePane';

export interface MainViewProps {
  /** the playback machine's trace (the cursor is read here, so a step re-renders this view) */
  trace: Trace;
  /** with the captions that fit this trace (withCaptions) */
  scenario: Scenario;
}

export function MainView({ trace: shown, scenario }: MainViewProps) {
  // trace and cursor from one snapshot of the machine (the prop is the same trace)
  const { trace, cursor } = usePlayhead() ?? { trace: shown, cursor: 0 };
  const total = trace.steps.length;
  const view = useStateAt(trace, cursor);
  const cpus = useMemo(() => 1 + Math.max(0, ...trace.steps.map((st) => st.cpu)), [trace]);
  return (
    <>
      <Citation scenario={scenario} />
      <Narration scenario={scenario} opStarts={trace.opStarts} cursor={cursor} />
      <StepLog cursor={cursor} total={total} steps={trace.steps} scenario={scenario} view={view} />
      {trace.stopped !== null && (
        <p className="trace-stopped" role="status">{`The model stopped: ${trace.stopped}`}</p>
      )}
      <ViolationBanner violations={trace.violations} cursor={cursor} />
      <GraphFrame cpus={cpus} avc={trace.flags.avc} side={<CpuStrip view={view} cpus={cpus} />}>
        <TracePane
          id="graph"
          label="anon_vma forest graph"
          trace={trace}
          cursor={cursor}
          emptyText={
            cursor === 0
              ? 'No process yet: step forward to run the scenario.'
              : 'No process is alive at this step.'
          }
        />
      </GraphFrame>
      <Timeline trace={trace} cursor={cursor} ops={scenario.ops} />
      <CpuLanes trace={trace} ops={scenario.ops} view={view} cursor={cursor} />
      <ViolationList violations={trace.violations} cursor={cursor} />
      <LazyCodePanel trace={trace} cursor={cursor} scenario={scenario} />
    </>
  );
}
