// The state at the cursor: step log, graph and violations of one trace.
import { useMemo } from 'react';
import type { Scenario } from '../kernel/scenarioTypes';
import type { Trace } from '../session/session';
import { ForestGraph } from './ForestGraph';
import { useCursor } from './playbackContext';
import { StepLog } from './StepLog';
import { useTraceLayout } from './useTraceLayout';
import { ViolationList } from './ViolationList';

export interface ForestViewProps {
  trace: Trace;
  scenario: Scenario;
  embed: boolean;
}

export function ForestView({ trace, scenario, embed }: ForestViewProps) {
  const total = trace.steps.length;
  // The machine may still hold the previous trace's cursor for one render.
  const cursor = Math.min(useCursor(), total);
  const view = useMemo(() => trace.stateAt(cursor), [trace, cursor]);
  const layout = useTraceLayout(trace, cursor, view);
  return (
    <>
      <StepLog
        cursor={cursor}
        total={total}
        step={trace.steps[cursor - 1]}
        scenario={scenario}
        view={view}
      />
      {trace.stopped !== null && (
        <p className="trace-stopped" role="status">{`The model stopped: ${trace.stopped}`}</p>
      )}
      <div className="graph-scroll">
        <ForestGraph
          view={view}
          layout={layout}
          emptyText={
            cursor === 0
              ? 'No process yet: step forward to run the scenario.'
              : 'No process is alive at this step.'
          }
        />
      </div>
      {!embed && <ViolationList violations={trace.violations} cursor={cursor} />}
    </>
  );
}
