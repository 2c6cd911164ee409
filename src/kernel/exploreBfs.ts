// The full search (`reduction: 'none'`), explore's first algorithm, kept to check the reduced
// one against: breadth-first over the CPU choices, so the first violation found comes with the
// shortest schedule; states already seen (same shared state, same per-CPU histories) are not
// expanded again. Each state re-runs its interleaving from a copy of the block's start state.
import type { EraId, Flags } from './flags';
import { runScenario } from './replay';
import type { Scenario } from './scenarioTypes';
import type { State } from './state';
import { stateKey } from './stateHash';
import type { Violation } from './trace';

export interface BfsOptions {
  maxStates: number;
  /** look no deeper than this many choices (a search for a shorter schedule than one found) */
  maxDepth?: number;
  kind?: string;
  /** called after each state with the count so far; true stops the search (a bound or cancel) */
  stop: (explored: number) => boolean;
}

export interface BfsResult {
  explored: number;
  violations: Violation[];
  schedules: number[][];
  runs: number;
  /** the search ended before every state was seen */
  cut: boolean;
  counts: Record<string, number>;
}

/** Breadth-first from `base` (the state at the first parallel block, `op` its index). */
export function exploreBfs(
  sc: Scenario,
  era: EraId,
  flags: Flags,
  base: { state: State; op: number; taken: number },
  opts: BfsOptions,
): BfsResult {
  const seen = new Set<string>();
  let queue: number[][] = [[]];
  let explored = 0;
  let runs = 0;
  const counts: Record<string, number> = {};
  const out = (cut: boolean): BfsResult => ({
    explored,
    violations: [],
    schedules: [],
    runs,
    cut,
    counts,
  });
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
        return { ...out(false), violations: r.violations, schedules: r.choices.map((c) => [...c]) };
      }
      if (!enabled) {
        runs++;
        continue;
      }
      const key = `${stateKey(r.s)}#${r.historyKey()}`;
      if (seen.has(key)) continue;
      seen.add(key);
      explored++;
      if (explored >= opts.maxStates || opts.stop(explored)) return out(true);
      if (opts.maxDepth !== undefined && prefix.length >= opts.maxDepth) continue;
      for (const c of enabled as number[]) next.push([...prefix, c]);
    }
    queue = next;
  }
  return out(false);
}
