// explore: every interleaving of a scenario's `parallel` blocks, searched for a violation.
// By default a stateless model checker with partial-order reduction (exploreDpor.ts): one run
// per class of interleavings that differ only in the order of independent steps, which finds
// every violation the full search finds (a property test checks that against the full search,
// `reduction: 'none'`, explore's first breadth-first algorithm). Bounded in states, runs and
// time; a preemption bound (as CHESS does) makes a search incomplete and says so.
import { Dpor, type SearchProgress, type StopReason } from './exploreDpor';
import { exploreBfs } from './exploreBfs';
import type { EraId, Flags } from './flags';
import type { State } from './state';
import { effectiveFlags, runScenario } from './replay';
import type { Scenario } from './scenarioTypes';
import type { Violation } from './trace';

export type { SearchProgress, StopReason } from './exploreDpor';
export type Reduction = 'dpor' | 'sleep' | 'none';

export const DEFAULT_MAX_STATES = 1_000_000;
/** finished states remembered (each with what its continuations touch): about 150 MB at most */
export const DEFAULT_MAX_CACHED = 200_000;

export interface ExploreOptions {
  era?: string;
  flags?: Partial<Flags>;
  /** stop after this many distinct states (the result says it was cut short) */
  maxStates?: number;
  /** stop after this many seconds */
  maxSeconds?: number;
  /** stop after this many runs (complete or abandoned interleavings) */
  maxRuns?: number;
  /** stop when `used()` (the heap in use, in bytes) goes over `bytes` (the command line's guard) */
  maxMemory?: { bytes: number; used: () => number };
  /** only interleavings with at most this many preemptions: an incomplete search */
  preemptions?: number;
  /** 'dpor' (default); 'sleep': sleep sets only; 'none': the full breadth-first search */
  reduction?: Reduction;
  /** called about every `progressMs` (1000) with the counts so far; return false to cancel */
  progress?: (p: SearchProgress) => boolean;
  progressMs?: number;
  /** look only for violations of this kind (others do not end the search) */
  kind?: string;
}

export interface ExploreResult {
  /** distinct states seen (shared state and every CPU's history) */
  explored: number;
  violations: Violation[];
  /** the shortest breaking schedule of the block where it broke (empty when none) */
  schedule: number[];
  /** every block's schedule of that run (one entry per parallel block) */
  schedules: number[][];
  /** interleavings run to their end; with reduction, one per class */
  runs: number;
  /** runs abandoned because every CPU that could move was asleep (their class was done) */
  redundant: number;
  /** micro-steps executed, re-runs of prefixes included */
  steps: number;
  ms: number;
  /** every class of interleavings was explored (false when cut short or bounded) */
  complete: boolean;
  cancelled: boolean;
  /** why the search stopped early, if it did */
  stoppedBy: StopReason | null;
  /** the search was limited by design (incomplete even when it ran to its end) */
  bounded: { preemptions: number } | null;
  /** the schedule is a shortest one: the search that found it went to its end */
  shortest: boolean;
  reduction: Reduction;
  counts: Record<string, number>;
}

/** Run the given schedules from `base` and stop where they end. */
function replayTo(
  sc: Scenario,
  era: EraId,
  flags: Flags,
  base: { state: State; op: number; taken: number },
  want: number[][],
) {
  const at = want.map(() => 0);
  return runScenario(sc, era, flags, {
    base,
    chooser: (_ready, block) => {
      const s = want[block] ?? [];
      return at[block]! < s.length ? s[at[block]!++]! : 'stop';
    },
  });
}

function withoutSchedules(sc: Scenario): Scenario {
  return {
    ...sc,
    ops: sc.ops.map((op) => (op.op === 'parallel' ? { op: 'parallel', threads: op.threads } : op)),
  };
}

export function explore(scenario: Scenario, opts: ExploreOptions = {}): ExploreResult {
  const t0 = performance.now();
  const { era, flags } = effectiveFlags(scenario, opts);
  const sc = withoutSchedules(scenario);
  const reduction = opts.reduction ?? 'dpor';
  const bounded = opts.preemptions === undefined ? null : { preemptions: opts.preemptions };
  const res: ExploreResult = {
    explored: 0,
    violations: [],
    schedule: [],
    schedules: [],
    runs: 0,
    redundant: 0,
    steps: 0,
    ms: 0,
    complete: true,
    cancelled: false,
    stoppedBy: null,
    bounded,
    shortest: false,
    reduction,
    counts: {},
  };
  const done = (): ExploreResult => {
    res.ms = performance.now() - t0;
    res.complete = res.stoppedBy === null && bounded === null;
    res.cancelled = res.stoppedBy === 'cancelled';
    res.schedule = res.schedules.filter((c) => c.length > 0).pop() ?? [];
    return res;
  };
  // Run the ops before the first parallel block once; every interleaving starts from a copy.
  const first = sc.ops.findIndex((o) => o.op === 'parallel');
  const pre = runScenario(
    { ...sc, ops: sc.ops.slice(0, first < 0 ? sc.ops.length : first) },
    era,
    flags,
    {},
  );
  if (pre.violations.length > 0 || pre.stopped || first < 0) {
    res.violations = opts.kind
      ? pre.violations.filter((v) => v.kind === opts.kind)
      : pre.violations;
    res.runs = 1;
    res.counts = pre.counts;
    res.shortest = res.violations.length > 0;
    return done();
  }
  const base = { state: pre.s, op: first, taken: pre.taken };
  const maxStates = opts.maxStates ?? DEFAULT_MAX_STATES;
  const deadline = t0 + (opts.maxSeconds ?? Infinity) * 1000;
  if (reduction === 'none') {
    // breadth-first: the first violation found has a shortest schedule
    let next = t0 + (opts.progressMs ?? 1000);
    const bfs = exploreBfs(sc, era, flags, base, {
      maxStates,
      ...(opts.kind === undefined ? {} : { kind: opts.kind }),
      stop: (explored) => {
        const now = performance.now();
        if (now >= deadline) return ((res.stoppedBy = 'max-seconds'), true);
        if (now < next || !opts.progress) return false;
        next = now + (opts.progressMs ?? 1000);
        const p = { states: explored, runs: 0, redundant: 0, steps: 0, found: false };
        if (opts.progress({ ...p, elapsedMs: now - t0 })) return false;
        return ((res.stoppedBy = 'cancelled'), true);
      },
    });
    Object.assign(res, {
      explored: bfs.explored,
      violations: bfs.violations,
      schedules: bfs.schedules,
      runs: bfs.runs,
      counts: bfs.counts,
    });
    if (bfs.cut) res.stoppedBy ??= 'max-states';
    res.shortest = bfs.violations.length > 0;
    return done();
  }
  const dpor = new Dpor(sc, era, flags, base, {
    reduction,
    ...(opts.preemptions === undefined ? {} : { preemptions: opts.preemptions }),
    ...(opts.kind === undefined ? {} : { kind: opts.kind }),
    maxStates,
    maxRuns: opts.maxRuns ?? Infinity,
    ...(opts.maxMemory ? { maxMemory: opts.maxMemory } : {}),
    maxCached: DEFAULT_MAX_CACHED,
    maxCachedLocs: 10_000_000,
    deadline,
    ...(opts.progress ? { progress: opts.progress } : {}),
    progressMs: opts.progressMs ?? 1000,
  });
  const out = dpor.search();
  Object.assign(res, {
    explored: out.states,
    runs: out.runs,
    redundant: out.redundant,
    steps: out.steps,
    stoppedBy: out.stopped,
    counts: out.counts,
  });
  if (out.found) {
    res.shortest = out.found.length <= 1;
    // Replay the schedule found, stopping where it ends: the violations a pasted schedule gives.
    const r = replayTo(sc, era, flags, base, out.found.schedules);
    if (!r.violations.some((v) => v.kind === out.found!.violation.kind)) {
      throw new Error(
        `explore: the schedule found does not replay its ${out.found.violation.kind}`,
      );
    }
    res.violations = r.violations;
    res.schedules = r.choices.map((c) => [...c]);
    // Is there a shorter one? Breadth-first up to one step less, within what is left of the bounds.
    const left = maxStates - out.states;
    if (left > 0 && out.found.length > 1 && performance.now() < deadline) {
      const bfs = exploreBfs(sc, era, flags, base, {
        maxStates: left,
        maxDepth: out.found.length - 1,
        ...(opts.kind === undefined ? {} : { kind: opts.kind }),
        stop: () => performance.now() >= deadline,
      });
      res.explored += bfs.explored;
      if (bfs.violations.length > 0) {
        res.violations = bfs.violations;
        res.schedules = bfs.schedules;
      }
      res.shortest = bfs.violations.length > 0 || !bfs.cut;
    }
  }
  return done();
}
