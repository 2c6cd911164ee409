// Fresh names for new processes, children and KSM references, never reusing one the scenario
// already named (a pid that exited stays taken: the model keeps its name in traces).
import type { Scenario, SimpleOp } from '../../kernel';

function simpleOps(scenario: Scenario): SimpleOp[] {
  return scenario.ops.flatMap((op) => (op.op === 'parallel' ? op.threads.flat() : [op]));
}

/** Every pid the scenario spawns or forks. */
export function usedPids(scenario: Scenario): Set<string> {
  const out = new Set<string>();
  for (const op of simpleOps(scenario)) {
    if (op.op === 'spawn') out.add(op.pid);
    if (op.op === 'fork') out.add(op.child);
  }
  return out;
}

const LETTERS = 'PQRSTUVWXYZABCDEFGHIJKLMNO';

/** P, Q, R, … then P2, Q2, … */
export function nextPid(scenario: Scenario): string {
  const used = usedPids(scenario);
  for (let round = 1; ; round++) {
    for (const letter of LETTERS) {
      const pid = round === 1 ? letter : `${letter}${round}`;
      if (!used.has(pid)) return pid;
    }
  }
}

/** P.c1, P.c2, … for children of P. */
export function nextChild(scenario: Scenario, parent: string): string {
  const used = usedPids(scenario);
  for (let i = 1; ; i++) {
    const pid = `${parent}.c${i}`;
    if (!used.has(pid)) return pid;
  }
}

/** k1, k2, … for KSM / migration references. */
export function nextRef(scenario: Scenario): string {
  const used = new Set(simpleOps(scenario).flatMap((op) => (op.op === 'ksm_get' ? [op.ref] : [])));
  for (let i = 1; ; i++) {
    if (!used.has(`k${i}`)) return `k${i}`;
  }
}
