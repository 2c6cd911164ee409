// What a step runs inside: the top-level operation (or the CPU's op of a parallel block) and
// the kernel functions that operation has run so far on that CPU, in order of first call.
import type { Scenario, SimpleOp, Step } from '../../kernel';
import { opLabel } from '../timeline/opLabel';

export interface CallContext {
  /** `op 3: fork P→C`, or `op 2: parallel … — cpu1 runs migrate P @0` */
  op: string;
  /** functions run earlier in this op on this CPU, oldest first, ending before `step.fn` */
  path: string[];
}

const MAX_PATH = 6;

function threadOp(scenario: Scenario, step: Step): SimpleOp | undefined {
  const op = scenario.ops[step.op];
  if (!op || op.op !== 'parallel' || !step.threadOp) return undefined;
  const [thread, j] = step.threadOp;
  return op.threads[thread]?.[j];
}

/** `steps` is the whole trace; `index` the 0-based index of the step shown. */
export function callContext(
  scenario: Scenario,
  steps: readonly Step[],
  index: number,
): CallContext {
  const step = steps[index];
  if (!step) return { op: '', path: [] };
  const top = `op ${step.op}: ${opLabel(scenario.ops[step.op])}`;
  const inner = threadOp(scenario, step);
  const op = inner ? `${top} — cpu${step.cpu} runs ${opLabel(inner)}` : top;
  const seen: string[] = [];
  for (let i = index - 1; i >= 0; i--) {
    const s = steps[i]!;
    if (s.op !== step.op) break;
    if (s.cpu !== step.cpu || s.fn === step.fn) continue;
    // Walking back: the most recent call of each function wins its place.
    if (!seen.includes(s.fn)) seen.unshift(s.fn);
  }
  return { op, path: seen.slice(-MAX_PATH) };
}
