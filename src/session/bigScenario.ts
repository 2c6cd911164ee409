// When a scenario is big enough to be opened off the main thread, and how big the page takes.
// A scenario with more top-level and thread ops than BIG_SCENARIO_OPS is replayed in a worker
// with progress (src/view/load/). One of more than MAX_PAGE_OPS ops is refused before any work;
// one whose replay passes MAX_PAGE_STEPS micro-steps is refused by the worker when it gets
// there; both keep the open scenario. The command line (`npm run replay`) has no such bound.
import type { Scenario } from '../kernel/scenarioTypes';

/** More ops than this (a parallel block's thread ops counted) and the page opens it in a worker. */
export const BIG_SCENARIO_OPS = 150;

/**
 * The most micro-steps a scenario opened in the page may take. The page keeps one record per
 * micro-step in compact form (~0.1 KB, its text a slice of a shared string) and asks the load
 * worker for the state at a cursor, which the worker rebuilds from checkpoints spaced by their
 * size: the 1,000-deep fork chain (1,024,017 micro-steps, half a million AVCs at its end) takes
 * ~150 MB of the page's heap; four times that is the bound.
 */
export const MAX_PAGE_STEPS = 4_000_000;

/**
 * The most ops (opCount) the page opens: more are refused before any replay, with the open
 * scenario kept. Four times the 1,000-deep chain's 2,003 ops (a file holds at most 10,000 in a
 * list). A fork deep in a chain costs micro-steps in proportion to its depth, so a scenario under
 * this bound may still pass MAX_PAGE_STEPS: the worker then stops it there.
 */
export const MAX_PAGE_OPS = 8_000;

/** Top-level ops plus every op inside a parallel block. */
export function opCount(sc: Scenario): number {
  let n = 0;
  for (const op of sc.ops)
    n += op.op === 'parallel' ? op.threads.reduce((a, t) => a + t.length, 0) : 1;
  return n;
}

export const isBigScenario = (sc: Scenario): boolean => opCount(sc) > BIG_SCENARIO_OPS;
