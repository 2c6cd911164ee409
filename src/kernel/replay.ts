// replay(): run a scenario under its era (or overrides) and return the trace. The state at any
// cursor is rebuilt by re-running up to that step from the start of its op (opStates.ts): the
// model is deterministic and fast, so the trace stays small and nothing is ever undone.
import { ERAS, isEraId, resolveFlags, type EraId, type Flags } from './flags';
import { Runner, type RunOptions, type RunResult } from './runner';
import { ScenarioError, type Scenario } from './scenarioTypes';
import { opStates } from './opStates';
import { forestOf, type Forest } from './snapshot';
import type { ReplayResult } from './trace';
import type { ViewState } from './view';
import { viewOf } from './viewState';

export interface ReplayOptions {
  era?: string;
  flags?: Partial<Flags>;
  /** false: skip recording step texts (raw throughput) */
  record?: boolean;
  /** false: skip the whole-state checks after each op */
  checks?: boolean;
  /**
   * Stop where a parallel block's schedule runs out instead of going round-robin, so a person
   * can pick the next CPU (`awaiting` says which CPUs can go).
   */
  interactive?: boolean;
}

/** A file's schedule is checked strictly under its own era and flags only. */
export function lenient(opts: ReplayOptions): boolean {
  return opts.era !== undefined || (opts.flags !== undefined && Object.keys(opts.flags).length > 0);
}

/**
 * The states of a trace made elsewhere (the page's load worker): stateAt answers at once with
 * the nearest state it holds and asks for the one wanted; `subscribe` tells when one came.
 */
export interface ServedStates {
  /** whether the state after `n` micro-steps is at hand (stateAt(n) is exact) */
  has(n: number): boolean;
  /** called whenever a state asked for arrives; returns the unsubscription */
  subscribe(fn: () => void): () => void;
}

export type Replay = ReplayResult<Forest, ViewState> & {
  /** present when the states are served from elsewhere (see ServedStates) */
  served?: ServedStates;
  counts: Record<string, number>;
  /** interactive replays: the parallel op waiting for a CPU choice and the CPUs that can go */
  awaiting: { op: number; ready: number[] } | null;
  /**
   * The CPU that actually took each step of each parallel block, in block order. Writing these
   * back as the blocks' `schedule`s gives a file that replays exactly this trace, strictly,
   * under the era and flags it was replayed with.
   */
  schedules: number[][];
  /** micro-steps taken (also when the steps were not recorded: `record: false`) */
  taken: number;
  /** The states at many cursors in one forward pass (layouts sample a whole trace). */
  statesAt(ns: readonly number[]): ViewState[];
  /**
   * `fn` of the state at each cursor, in one forward pass, keeping only what `fn` returns (a
   * chart over a long trace needs a number per op, not a state per op).
   */
  sampleAt<T>(ns: readonly number[], fn: (v: ViewState) => T): T[];
};

export function effectiveFlags(
  sc: Scenario,
  opts: ReplayOptions = {},
): { era: EraId; flags: Flags } {
  const era = opts.era ?? sc.era;
  if (!isEraId(era))
    throw new ScenarioError(
      `era "${era}" is not one of ${Object.keys(ERAS).join(', ')}`,
      null,
      'era',
    );
  // --era replaces the file's era; the file's flags still apply on top, then --flag.
  return { era, flags: resolveFlags(era, { ...(sc.flags ?? {}), ...(opts.flags ?? {}) }) };
}

/** What a finished run reports, under the names a replay result gives them. */
export function runFacts(res: RunResult) {
  return {
    counts: res.counts,
    awaiting: res.awaiting,
    schedules: res.choices,
    taken: res.taken,
    steps: res.steps,
    violations: res.violations,
    opStarts: res.opStarts,
    stopped: res.stopped,
  };
}

export function runScenario(sc: Scenario, era: EraId, flags: Flags, opts: RunOptions): Runner {
  const r = new Runner(era, flags, opts);
  r.run(sc);
  return r;
}

export function replay(sc: Scenario, opts: ReplayOptions = {}): Replay {
  const { era, flags } = effectiveFlags(sc, opts);
  const runOpts: RunOptions = { lenientSchedule: lenient(opts) };
  if (opts.record !== undefined) runOpts.record = opts.record;
  if (opts.checks !== undefined) runOpts.checks = opts.checks;
  if (opts.interactive) runOpts.interactive = true;
  const full = runScenario(sc, era, flags, runOpts);
  const res = full.result();
  const total = res.steps.length;
  const cache = new Map<number, ViewState>();
  cache.set(total, viewOf(full.s, full.cpuStatus()));
  const ops = opStates(sc, era, flags, res.opStarts, {
    lenientSchedule: lenient(opts),
    interactive: opts.interactive ?? false,
  });
  const clampAll = (ns: readonly number[]) =>
    ns.map((n) => Math.max(0, Math.min(total, Math.floor(n))));
  /** One forward run observing each cursor of `ns` (clamped), mapped through fn at once. */
  function sample<T>(ns: readonly number[], fn: (v: ViewState) => T): Map<number, T> {
    const got = new Map<number, T>();
    if (ns.length === 0) return got;
    const at = new Set(ns);
    const last = Math.max(...at);
    const part = runScenario(sc, era, flags, {
      limit: last,
      checks: false,
      record: false,
      lenientSchedule: lenient(opts),
      interactive: opts.interactive ?? false,
      observe: { at, fn: (r) => got.set(r.taken, fn(viewOf(r.s, r.cpuStatus()))) },
    });
    // the last cursor is where the run stopped (no step left to observe before)
    if (!got.has(last)) got.set(last, fn(viewOf(part.s, part.cpuStatus())));
    return got;
  }
  return {
    era,
    flags,
    ...runFacts(res),
    forest: () => forestOf(full.s),
    statesAt(ns: readonly number[]): ViewState[] {
      const want = clampAll(ns);
      const got = new Map<number, ViewState>();
      for (const n of want) {
        const hit = cache.get(n);
        if (hit) got.set(n, hit);
      }
      const missing = want.filter((n) => !got.has(n));
      for (const [n, v] of sample(missing, (v) => v)) got.set(n, v);
      return want.map((n) => got.get(n)!);
    },
    sampleAt<T>(ns: readonly number[], fn: (v: ViewState) => T): T[] {
      const want = clampAll(ns);
      const got = sample(want, fn);
      return want.map((n) => got.get(n)!);
    },
    stateAt(n: number): ViewState {
      const at = Math.max(0, Math.min(total, Math.floor(n)));
      const hit = cache.get(at);
      if (hit) return hit;
      const part = ops.runTo(at);
      const v = viewOf(part.s, part.cpuStatus());
      if (cache.size > 256) cache.clear();
      cache.set(at, v);
      return v;
    },
  };
}
