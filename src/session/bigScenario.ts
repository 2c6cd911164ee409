// When a scenario is big enough to be opened off the main thread, and how big the page takes.
// A scenario with more top-level and thread ops than BIG_SCENARIO_OPS is replayed in a worker
// with progress (src/view/load/); one whose replay passes MAX_PAGE_STEPS micro-steps is refused
// there, with the open scenario kept. The command line (`npm run replay`) has no such bound.
import type { Scenario } from '../kernel/scenarioTypes';

/** More ops than this (a parallel block's thread ops counted) and the page opens it in a worker. */
export const BIG_SCENARIO_OPS = 150;

/**
 * The most micro-steps a scenario opened in the page may take. The page keeps one record per
 * micro-step (~0.4 KB with its text) and rebuilds the state at a cursor from a checkpoint, which
 * stays under a frame only while the states are a few thousand objects: the 1,000-forks scenario
 * (25,017 micro-steps) opens; the 1,000-deep fork chain (1,024,017 micro-steps, half a million
 * AVCs at its end) does not.
 */
export const MAX_PAGE_STEPS = 250_000;

/** Top-level ops plus every op inside a parallel block. */
export function opCount(sc: Scenario): number {
  let n = 0;
  for (const op of sc.ops)
    n += op.op === 'parallel' ? op.threads.reduce((a, t) => a + t.length, 0) : 1;
  return n;
}

export const isBigScenario = (sc: Scenario): boolean => opCount(sc) > BIG_SCENARIO_OPS;
