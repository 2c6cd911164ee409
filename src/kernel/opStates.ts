// The model's state at the start of top-level ops, kept as a replay's cursor moves, so that the
// state at a cursor is rebuilt from the start of its op instead of from step 0: scrubbing a trace
// of n micro-steps would otherwise re-run O(n) of them at every step. Made lazily, when a cursor
// first needs one (the replay itself, on the first screen's path, pays nothing), and bounded by
// the objects they hold. A state at an op boundary is all a run needs to go on from there (the
// load worker's checkpoints rely on the same: replayParts.ts).
import type { EraId, Flags } from './flags';
import { Runner, type RunOptions } from './runner';
import type { Scenario } from './scenarioTypes';
import type { State } from './state';

/** Objects a state holds (anon_vmas, VMAs, AVCs, PTEs): what a copy of it costs. */
export function stateSize(s: State): number {
  let n = s.anonVmas.length;
  for (const mm of s.mms.values()) {
    n += mm.ptes.size;
    for (const v of mm.vmas) n += 1 + v.chain.length;
  }
  return n;
}

/** Below this many micro-steps a run from step 0 costs about what copying a state does. */
const FROM_START_STEPS = 128;
/** At most this many kept states, and this many objects in all (the last one made is kept). */
const MAX_STATES = 64;
const MAX_OBJECTS = 200_000;

export interface OpStates {
  /** A runner stopped before micro-step `limit`: run from the start of the op it falls in. */
  runTo(limit: number): Runner;
}

/**
 * `opStarts` are the replay's (the micro-step each top-level op began at); `opts` its run options
 * (lenient, interactive). Runs made here record nothing and run no whole-state checks, as the
 * cursor's rebuild always did.
 */
export function opStates(
  sc: Scenario,
  era: EraId,
  flags: Flags,
  opStarts: readonly number[],
  opts: Pick<RunOptions, 'lenientSchedule' | 'interactive'>,
): OpStates {
  const kept = new Map<number, State>();
  let objects = 0;
  const run = (ops: Scenario['ops'], limit: number | undefined, from: number | null): Runner => {
    const runOpts: RunOptions = { ...opts, checks: false, record: false };
    if (limit !== undefined) runOpts.limit = limit;
    if (from !== null) runOpts.base = { state: kept.get(from)!, op: from, taken: opStarts[from]! };
    const r = new Runner(era, flags, runOpts);
    r.run(ops === sc.ops ? sc : { ...sc, ops });
    return r;
  };
  /** the kept op boundary closest below `op` (null: none, start from step 0) */
  const below = (op: number): number | null => {
    let best: number | null = null;
    for (const b of kept.keys()) if (b < op && (best === null || b > best)) best = b;
    return best;
  };
  /** The state at the start of op `b`, from the closest one kept before it. */
  const stateAt = (b: number): State | null => {
    const hit = kept.get(b);
    if (hit) return hit;
    const r = run(sc.ops.slice(0, b), undefined, below(b));
    // every op before b finished in the replay, so this run must end where op b began
    if (r.taken !== opStarts[b] || r.stopped !== null || r.awaiting !== null) return null;
    const size = stateSize(r.s);
    if (kept.size >= MAX_STATES || objects + size > MAX_OBJECTS) {
      kept.clear();
      objects = 0;
    }
    kept.set(b, r.s);
    objects += size;
    return r.s;
  };
  return {
    runTo(limit) {
      // the op the cursor falls in: the last one begun at or before it
      let lo = 0;
      let hi = opStarts.length - 1;
      let b = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (opStarts[mid]! <= limit) {
          b = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      if (b <= 0 || limit < FROM_START_STEPS || stateAt(b) === null)
        return run(sc.ops, limit, null);
      return run(sc.ops, limit, b);
    },
  };
}
