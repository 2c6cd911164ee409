// The micro-step that led to the shown state: kernel function, pseudo-code line, what happened,
// and the CPU that took it.
import type { Scenario } from '../kernel/scenarioTypes';
import type { Step } from '../kernel/trace';
import type { ViewState } from '../kernel/view';

export interface StepLogProps {
  cursor: number;
  total: number;
  step: Step | undefined;
  scenario: Scenario;
  view: ViewState;
}

function opName(scenario: Scenario, index: number): string {
  const op = scenario.ops[index];
  return op ? `op ${index}: ${op.op}` : `op ${index}`;
}

function cpuStatus(view: ViewState): string {
  return view.cpus
    .filter((c) => c.waitingFor !== null || view.cpus.length > 1)
    .map(
      (c) => `cpu${c.cpu} ${c.done ? 'done' : c.waitingFor ? `waits for ${c.waitingFor}` : 'runs'}`,
    )
    .join(', ');
}

export function StepLog({ cursor, total, step, scenario, view }: StepLogProps) {
  const cpus = cpuStatus(view);
  return (
    <div className="step-log" data-testid="step-log" aria-live="polite">
      {step === undefined ? (
        <span className="step-text">{`Step 0 of ${total}: the initial state, before the first op.`}</span>
      ) : (
        <>
          <span className="step-no">{`Step ${cursor} of ${total}`}</span>
          <span className="step-cpu" data-testid="step-cpu">{`cpu${step.cpu}`}</span>
          <span className="step-op">{opName(scenario, step.op)}</span>
          <code className="step-fn" data-testid="step-fn">
            {step.fn}
            <span className="step-line">{`:${step.line}`}</span>
          </code>
          <span className="step-text" data-testid="step-text">
            {step.text}
          </span>
        </>
      )}
      {cpus && <span className="step-cpus">{cpus}</span>}
    </div>
  );
}
