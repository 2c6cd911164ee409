// explore: a small model checker over the interleavings of a scenario's `parallel` blocks.
// Breadth-first over the CPU choices, so the first violation found comes with the shortest
// schedule; states already seen (same shared state, same per-CPU histories) are not expanded
// again. Each node re-runs the scenario from the start: the model is fast and deterministic.
import type { Flags } from './flags';
import { effectiveFlags, runScenario } from './replay';
import type { Scenario } from './scenarioTypes';
import { stateKey } from './stateHash';
import type { Violation } from './trace';

export interface ExploreOptions {
  era?: string;
  flags?: Partial<Flags>;
  /** stop after this many distinct states (the result says it was cut short) */
  maxStates?: number;
  /** called every `every` states with the count so far; return false to cancel */
  progress?: (explored: number) => boolean;
  every?: number;
  /** look only for violations of this kind (others do not end the search) */
  kind?: string;
}

export interface ExploreResult {
  explored: number;
  violations: Violation[];
  /** the shortest breaking schedule of the block where it broke (empty when none) */
  schedule: number[];
  /** every block's schedule of that run (one entry per parallel block) */
  schedules: number[][];
  /** complete interleavings run to the end */
  runs: number;
  complete: boolean;
  cancelled: boolean;
  counts: Record<string, number>;
}

/** A finished search with nothing found; each exit overrides what differs. */
const NONE: ExploreResult = {
  explored: 0,
  violations: [],
  schedule: [],
  schedules: [],
  runs: 0,
  complete: true,
  cancelled: false,
  counts: {},
};

function withoutSchedules(sc: Scenario): Scenario {
  return {
    ...sc,
    ops: sc.ops.map((op) => (op.op === 'parallel' ? { op: 'parallel', threads: op.threads } : op)),
  };
}

export function explore(scenario: Scenario, opts: ExploreOptions = {}): ExploreResult {
  const { era, flags } = effectiveFlags(scenario, opts);
  const sc = withoutSchedules(scenario);
  const max = opts.maxStates ?? 1_000_000;
  const seen = new Set<string>();
  let queue: number[][] = [[]];
  let explored = 0;
  let runs = 0;
  const counts: Record<string, number> = {};
  // Run the ops before the first parallel block once; every interleaving starts from a copy.
  const first = sc.ops.findIndex((o) => o.op === 'parallel');
  const pre = runScenario(
    { ...sc, ops: sc.ops.slice(0, first < 0 ? sc.ops.length : first) },
    era,
    flags,
    {},
  );
  if (pre.violations.length > 0 || pre.stopped || first < 0) {
    const hits = opts.kind ? pre.violations.filter((v) => v.kind === opts.kind) : pre.violations;
    return { ...NONE, violations: hits, runs: 1, counts: pre.counts };
  }
  const base = { state: pre.s, op: first, taken: pre.taken };
  while (queue.length > 0) {
    const next: number[][] = [];
    for (const prefix of queue) {
      let i = 0;
      let enabled: number[] | null = null;
      const r = runScenario(sc, era, flags, {
        checks: true,
        history: true,
        base,
        chooser: (ready) => {
          if (i < prefix.length) return prefix[i++]!;
          enabled = ready;
          return 'stop';
        },
      });
      for (const [k, v] of Object.entries(r.counts)) counts[k] = Math.max(counts[k] ?? 0, v);
      const hits = opts.kind ? r.violations.filter((v) => v.kind === opts.kind) : r.violations;
      if (hits.length > 0) {
        const schedules = r.choices.map((c) => [...c]);
        const broke = schedules.filter((c) => c.length > 0).pop() ?? [];
        return {
          ...NONE,
          explored,
          violations: r.violations,
          schedule: broke,
          schedules,
          runs,
          counts,
        };
      }
      if (!enabled) {
        runs++;
        continue;
      }
      const key = `${stateKey(r.s)}#${r.historyKey()}`;
      if (seen.has(key)) continue;
      seen.add(key);
      explored++;
      if (opts.progress && explored % (opts.every ?? 500) === 0 && !opts.progress(explored)) {
        return { ...NONE, explored, runs, complete: false, cancelled: true, counts };
      }
      if (explored >= max) {
        return { ...NONE, explored, runs, complete: false, counts };
      }
      for (const c of enabled as number[]) next.push([...prefix, c]);
    }
    queue = next;
  }
  return { ...NONE, explored, runs, counts };
}
