// A replay made in one place (the page's load worker) and read in another (the page): the trace
// as plain data, plus the model state at a few op boundaries (checkpoints), so the state at any
// cursor is rebuilt by running at most one segment from the checkpoint before it, never the
// whole scenario. A big scenario's trace keeps no snapshot per step: only these few states.
import { cloneState as cloneOf } from './cloneState';
import type { EraId, Flags } from './flags';
import { stateSize } from './opStates';
import { effectiveFlags, lenient, runFacts, runScenario } from './replay';
import type { Replay, ReplayOptions } from './replay';
import { Runner, type RunOptions } from './runner';
import type { Scenario } from './scenarioTypes';
import { forestOf, type Forest } from './snapshot';
import { avId, type State } from './state';
import type { Step, Violation } from './trace';
import type { ViewState } from './view';
import { viewOf } from './viewState';

/** The model state before top-level op `op` ran, `taken` micro-steps in. */
export interface Checkpoint {
  op: number;
  taken: number;
  state: State;
}

/** Everything a Replay holds, as structured-clonable data. */
export interface ReplayParts {
  era: EraId;
  flags: Flags;
  counts: Record<string, number>;
  awaiting: { op: number; ready: number[] } | null;
  schedules: number[][];
  taken: number;
  steps: Step[];
  violations: Violation[];
  opStarts: number[];
  stopped: string | null;
  finalView: ViewState;
  forest: Forest;
}

/** Objects (stateSize) of the states a replay from parts keeps at most besides its last. */
const CACHED_OBJECTS = 2_000_000;

/** Micro-steps between two checkpoints (at the first op boundary past this many). */
export const CHECKPOINT_STEPS = 2500;

export interface PartsProgress {
  /** micro-steps replayed so far */
  steps: number;
  /** top-level ops begun so far, of `ops` */
  op: number;
  ops: number;
}

/** A replay cut at `maxSteps` micro-steps: how far it got. */
export class TooManySteps extends Error {
  constructor(
    readonly maxSteps: number,
    readonly op: number,
  ) {
    super(`more than ${maxSteps} micro-steps`);
    this.name = 'TooManySteps';
  }
}

/**
 * Replays `sc` as replay() does, reporting progress every `every` micro-steps, and stops with
 * TooManySteps once it passes `maxSteps`. A ScenarioError is thrown as replay() throws it.
 */
export function replayParts(
  sc: Scenario,
  opts: ReplayOptions & {
    maxSteps: number;
    every?: number;
    /**
     * Handed the step records in batches as the replay goes (the load worker sends them on):
     * the parts then hold no steps, and the replay no more than a batch at a time.
     */
    onSteps?: (steps: Step[]) => void;
  },
  onProgress: (p: PartsProgress) => void,
): ReplayParts {
  const { era, flags } = effectiveFlags(sc, opts);
  const every = opts.every ?? 5000;
  let next = every;
  const at = {
    has: (n: number) => n >= next,
  } as unknown as ReadonlySet<number>;
  const runOpts: RunOptions = {
    lenientSchedule: lenient(opts),
    limit: opts.maxSteps + 1,
    observe: {
      at,
      fn: (r) => {
        next = r.taken + every;
        drain();
        onProgress({ steps: r.taken, op: r.result().opStarts.length, ops: sc.ops.length });
      },
    },
  };
  if (opts.record !== undefined) runOpts.record = opts.record;
  if (opts.interactive) runOpts.interactive = true;
  const runner = new Runner(era, flags, runOpts);
  const { onSteps } = opts;
  // between two steps (where observe runs) no record is being written: all can go
  const drain = () => {
    if (onSteps && runner.steps.length > 0) onSteps(runner.steps.splice(0));
  };
  runner.run(sc);
  const res = runner.result();
  if (res.taken > opts.maxSteps) throw new TooManySteps(opts.maxSteps, res.opStarts.length - 1);
  drain();
  onProgress({ steps: res.taken, op: sc.ops.length, ops: sc.ops.length });
  return {
    era,
    flags,
    ...runFacts(res),
    finalView: viewOf(runner.s, runner.cpuStatus()),
    forest: forestOf(runner.s),
  };
}

/**
 * The states at op boundaries at least `spacing` micro-steps apart (the first op always), from a
 * second run without checks or step records, one segment at a time. A checkpoint holding n
 * objects is followed by the next only n micro-steps on at the least: re-running a segment costs
 * about what copying its checkpoint does, and the checkpoints of a forest that grows with its
 * trace (a 1,000-deep fork chain, half a million AVCs at its end) add up to a few times its
 * last state instead of hundreds of them.
 */
export function checkpointsOf(
  sc: Scenario,
  opts: ReplayOptions,
  parts: Pick<ReplayParts, 'era' | 'flags' | 'opStarts'>,
  spacing = CHECKPOINT_STEPS,
): Checkpoint[] {
  const { opStarts } = parts;
  const out: Checkpoint[] = [];
  let state: State | null = null;
  let from = 0;
  let last = 0;
  let need = spacing;
  // only ops that began and finished: a stopped replay's last op is not a boundary
  for (let b = 1; b < opStarts.length - 1; b++) {
    if (opStarts[b]! - last < need) continue;
    const prefix: Scenario = { ...sc, ops: sc.ops.slice(0, b) };
    const runOpts: RunOptions = {
      lenientSchedule: lenient(opts),
      checks: false,
      record: false,
      ...(state
        ? { base: { state, op: from, taken: opStarts[from]!, copy: (s: State) => s } }
        : {}),
    };
    const r = runScenario(prefix, parts.era, parts.flags, runOpts);
    out.push({ op: b, taken: opStarts[b]!, state: r.s });
    // the next segment starts from a copy: this one is kept as it is
    state = cloneOf(r.s);
    from = b;
    last = opStarts[b]!;
    need = Math.max(spacing, stateSize(r.s));
  }
  return out;
}

/** The Replay for parts made elsewhere: states rebuilt from the checkpoint before each cursor. */
export function replayFromParts(
  sc: Scenario,
  opts: ReplayOptions,
  parts: ReplayParts,
  checkpoints: readonly Checkpoint[],
): Replay {
  const { era, flags } = parts;
  const total = parts.taken;
  const cache = new Map<number, ViewState>();
  cache.set(total, parts.finalView);
  let cached = 0;
  const clamp = (n: number) => Math.max(0, Math.min(total, Math.floor(n)));
  const cps = [...checkpoints].sort((a, b) => a.taken - b.taken);
  /** the last checkpoint at or before cursor n (null: from the start) */
  const before = (n: number): Checkpoint | null => {
    let lo = 0;
    let hi = cps.length - 1;
    let found: Checkpoint | null = null;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (cps[mid]!.taken <= n) {
        found = cps[mid]!;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };
  const runTo = (cp: Checkpoint | null, limit: number, observe?: RunOptions['observe']) =>
    runScenario(sc, era, flags, {
      limit,
      checks: false,
      record: false,
      lenientSchedule: lenient(opts),
      interactive: opts.interactive ?? false,
      ...(cp ? { base: { state: cp.state, op: cp.op, taken: cp.taken } } : {}),
      ...(observe ? { observe } : {}),
    });
  /** fn of the state at each cursor: one run per checkpoint segment the cursors fall in */
  function sample<T>(ns: readonly number[], fn: (v: ViewState) => T): Map<number, T> {
    const got = new Map<number, T>();
    const sorted = [...new Set(ns)].sort((a, b) => a - b);
    let i = 0;
    while (i < sorted.length) {
      const cp = before(sorted[i]!);
      const group: number[] = [];
      while (i < sorted.length && before(sorted[i]!) === cp) group.push(sorted[i++]!);
      const last = group[group.length - 1]!;
      const at = new Set(group);
      const part = runTo(cp, last, {
        at,
        fn: (r) => got.set(r.taken, fn(viewOf(r.s, r.cpuStatus()))),
      });
      if (!got.has(last)) got.set(last, fn(viewOf(part.s, part.cpuStatus())));
    }
    return got;
  }
  return {
    era,
    flags,
    counts: parts.counts,
    awaiting: parts.awaiting,
    schedules: parts.schedules,
    taken: parts.taken,
    steps: parts.steps,
    violations: parts.violations,
    opStarts: parts.opStarts,
    stopped: parts.stopped,
    forest: () => parts.forest,
    statesAt(ns) {
      const want = ns.map(clamp);
      const missing = want.filter((n) => !cache.has(n));
      const got = sample(missing, (v) => v);
      return want.map((n) => cache.get(n) ?? got.get(n)!);
    },
    sampleAt(ns, fn) {
      const want = ns.map(clamp);
      const got = sample(want, fn);
      return want.map((n) => got.get(n)!);
    },
    stateAt(n) {
      const at = clamp(n);
      const hit = cache.get(at);
      if (hit) return hit;
      const part = runTo(before(at), at);
      const v = viewOf(part.s, part.cpuStatus());
      // a big trace's states are big: a few recent ones only, of a bounded size in all
      const size = stateSize(part.s);
      if (cache.size > 32 || cached + size > CACHED_OBJECTS) {
        cache.clear();
        cache.set(total, parts.finalView);
        cached = 0;
      }
      cache.set(at, v);
      cached += size;
      return v;
    },
  };
}

/** anon_vmas per family (the root's trace id) and in all: what the page's metrics chart. */
export interface FamilySizes {
  families: Record<string, number>;
  total: number;
}

function familySizes(s: State): FamilySizes {
  const families: Record<string, number> = {};
  let total = 0;
  for (const a of s.anonVmas) {
    if (a.freed) continue;
    // the view names a root only where the era tracks it (ViewAnonVma.root)
    const root = s.flags.trackRoot ? avId(a.root) : avId(a);
    families[root] = (families[root] ?? 0) + 1;
    total++;
  }
  return { families, total };
}

/**
 * The family sizes after each top-level op, in one run that reads the model state (no view of
 * it is made: a view of a half-million-AVC state costs a second).
 */
export function familySizesAfterOps(
  sc: Scenario,
  opts: ReplayOptions,
  parts: Pick<ReplayParts, 'era' | 'flags' | 'opStarts' | 'taken'>,
): FamilySizes[] {
  const ends = parts.opStarts.map((_, i) => parts.opStarts[i + 1] ?? parts.taken);
  const got = new Map<number, FamilySizes>();
  const last = parts.taken;
  const run = runScenario(sc, parts.era, parts.flags, {
    limit: last,
    checks: false,
    record: false,
    lenientSchedule: lenient(opts),
    interactive: opts.interactive ?? false,
    observe: { at: new Set(ends), fn: (r) => got.set(r.taken, familySizes(r.s)) },
  });
  if (!got.has(last)) got.set(last, familySizes(run.s));
  return ends.map((n) => got.get(n)!);
}
