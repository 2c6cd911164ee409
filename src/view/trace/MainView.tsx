// The page's main view: the playback machine's trace at its cursor (one snapshot, so the cursor
// always belongs to the trace). The stage is the graph, as tall as the window leaves it, with the
// dock beside it: what the step says (citation, narration, step log, violation card, CPU lanes and
// the CPU choice), the legend, and the tool panels the page hands in. The dock scrolls on its own,
// so nothing used in it scrolls the graph away; the timeline follows below the stage.
import { useDeferredValue, useId, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { Scenario } from '../../kernel';
import type { Trace } from '../../session/traces';
import { useAppStore } from '../../store';
import { LazyCodePanel } from '../code/LazyCodePanel';
import { cpuCount } from '../cpus/cpuCount';
import { CpuStrip } from '../cpus/CpuStrip';
import { GraphFrame } from '../graph/GraphFrame';
import { GraphLegend } from '../graph/GraphLegend';
import { CpuLanes } from '../lanes/CpuLanes';
import { Citation, Narration } from '../narration/Narration';
import { StepLog } from '../steps/StepLog';
import { Timeline } from '../timeline/Timeline';
import { ViolationBanner } from '../violations/ViolationBanner';
import { ViolationList } from '../violations/ViolationList';
import { usePlayhead } from '../playback/playback';
import { useAfterFirstPaint } from '../page/painted';
import { TracePane, useStatePending, useStateAt } from './TracePane';
import './trace.css';

export interface MainViewProps {
  /** the playback machine's trace (the cursor is read here, so a step re-renders this view) */
  trace: Trace;
  /** with the captions that fit this trace (withCaptions) */
  scenario: Scenario;
  /** the playback bar, right above the graph */
  bar?: ReactNode;
  /** the page's tool panels (inspector, explore, builder), at the foot of the dock */
  tools?: ReactNode;
}

export function MainView({ trace: shown, scenario, bar, tools }: MainViewProps) {
  // trace and cursor from one snapshot of the machine (the prop is the same trace)
  const graph = usePlayhead() ?? { trace: shown, cursor: 0 };
  // A big trace (its states served by the load worker) is handed over in two renders, each
  // committed in a task of its own: the graph first, then the dock and the timeline, which keep
  // the last trace (at the cursor, within it) until then. Any other trace renders whole at once.
  const later = useDeferredValue(graph.trace);
  const stale = graph.trace.served !== undefined && later !== graph.trace;
  const trace = stale ? later : graph.trace;
  const cursor = stale ? Math.min(graph.cursor, later.steps.length) : graph.cursor;
  const total = trace.steps.length;
  const view = useStateAt(trace, cursor);
  const pending = useStatePending(graph.trace, graph.cursor);
  const cpus = useMemo(() => cpuCount(trace), [trace]);
  const graphView = useAppStore((s) => s.graphView);
  const dockId = useId();
  const [dockOpen, setDockOpen] = useState(true);
  const dock = { open: dockOpen, toggle: () => setDockOpen((o) => !o), id: dockId };
  return (
    <>
      <div className="stage" data-dock={dockOpen ? 'open' : 'closed'}>
        <div className="stage-graph">
          {bar}
          {pending && (
            // a big scenario's state is made by its load worker: the last one stays drawn
            <p className="state-pending" role="status" data-testid="state-pending">
              {`Making the state after step ${graph.cursor.toLocaleString('en-US')}…`}
            </p>
          )}
          <GraphFrame dock={dock}>
            <TracePane
              id="graph"
              label="anon_vma forest graph"
              trace={graph.trace}
              cursor={graph.cursor}
              scenario={scenario}
              emptyText={
                graph.cursor === 0
                  ? 'No process yet: step forward to run the scenario.'
                  : 'No process is alive at this step.'
              }
            />
          </GraphFrame>
        </div>
        <aside className="dock" id={dockId} aria-label="Step and tools" hidden={!dockOpen}>
          <CpuStrip view={view} cpus={cpus} />
          <Citation scenario={scenario} />
          <Narration scenario={scenario} opStarts={trace.opStarts} cursor={cursor} />
          {/* the rest of the dock mounts after the first paint, in two steps (painted.ts) */}
          <Later step={1}>
            <StepLog
              cursor={cursor}
              total={total}
              steps={trace.steps}
              scenario={scenario}
              view={view}
            />
            {trace.stopped !== null && (
              <p className="trace-stopped" role="status">{`The model stopped: ${trace.stopped}`}</p>
            )}
            <ViolationBanner violations={trace.violations} cursor={cursor} />
            <CpuLanes trace={trace} ops={scenario.ops} view={view} cursor={cursor} />
          </Later>
          <Later step={2}>
            <GraphLegend view={graphView} cpus={cpus} avc={trace.flags.avc} />
            <ViolationList violations={trace.violations} cursor={cursor} />
            {tools}
            <LazyCodePanel trace={trace} cursor={cursor} scenario={scenario} />
          </Later>
        </aside>
      </div>
      <Timeline trace={trace} cursor={cursor} ops={scenario.ops} />
    </>
  );
}

/** `children` once their step of the first screen may mount (after the app's first paint). */
function Later({ step, children }: { step: number; children: ReactNode }) {
  return useAfterFirstPaint(step) ? children : null;
}
