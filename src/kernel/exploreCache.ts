// Explore's memory of finished states: a run that reaches a state (the shared state and every
// CPU's observations: exploreTrack.ts) whose every continuation was already explored stops
// there. Partial-order reduction alone explores one run per class of interleavings, and many
// classes pass through the same states; with the cache each state's continuations run once.
//
// Reduction and caching need care together (Yang, Chen, Gopalakrishnan, Kirby, "Efficient
// stateful dynamic partial order reduction", SPIN 2008): the runs not made below a cached
// state would have raced with the steps above it. So each finished state keeps, per CPU, what
// its continuations read and wrote (its summary), and a run stopped at it treats that as steps
// to come: every earlier step of another CPU that conflicts with one, and is not ordered
// before that CPU's place, gets every CPU tried at its point (the full expansion, always enough).
// A state is reused only if it was explored with no more sleeping CPUs than now (Godefroid).
import { hb, type Ev } from './exploreEvents';
import type { Footprint } from './exploreTrack';

/** What the steps of one CPU below a state read and wrote (appends count as writes). */
export interface Summary {
  r: Set<number>;
  w: Set<number>;
}

export type Future = Map<number, Summary>;

/** A summary kept in the cache: sorted locations, shared between states that have the same. */
export interface Frozen {
  r: Int32Array;
  w: Int32Array;
}

export type FrozenFuture = Map<number, Frozen>;

export interface Cached {
  /** the CPUs asleep when it was explored */
  sleep: number;
  future: FrozenFuture;
  /** the most each per-run count (the lock dance's restarts) grew below it */
  below: Record<string, number>;
}

const has = (a: Int32Array, x: number): boolean => {
  let lo = 0;
  let hi = a.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = a[mid]!;
    if (v === x) return true;
    if (v < x) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
};

/** Frozen location sets, by content: many finished states share what lies below them. */
export class Interner {
  private readonly byHash = new Map<number, Int32Array[]>();
  /** locations stored, over every distinct set */
  size = 0;

  private set(s: Set<number>): Int32Array {
    const a = Int32Array.from(s).sort();
    let h = a.length;
    for (let i = 0; i < a.length; i++) h = (Math.imul(h, 31) + a[i]!) | 0;
    const bucket = this.byHash.get(h);
    const same = bucket?.find((b) => b.length === a.length && b.every((v, i) => v === a[i]));
    if (same) return same;
    if (bucket) bucket.push(a);
    else this.byHash.set(h, [a]);
    this.size += a.length;
    return a;
  }

  freeze(f: Future): FrozenFuture {
    const out: FrozenFuture = new Map();
    for (const [cpu, s] of f) out.set(cpu, { r: this.set(s.r), w: this.set(s.w) });
    return out;
  }
}

/** Add one step's footprint to a CPU's summary. */
export function addStep(f: Future, cpu: number, fp: Footprint): void {
  let s = f.get(cpu);
  if (!s) f.set(cpu, (s = { r: new Set(), w: new Set() }));
  for (const l of fp.r) s.r.add(l);
  for (const l of fp.w.keys()) s.w.add(l);
  for (const l of fp.a) s.w.add(l);
}

/** Add a whole summary (a finished child's, or a cached state's) into f. */
export function addFuture(f: Future, more: Future | FrozenFuture): void {
  for (const [cpu, m] of more) {
    let s = f.get(cpu);
    if (!s) f.set(cpu, (s = { r: new Set(), w: new Set() }));
    for (const l of m.r) s.r.add(l);
    for (const l of m.w) s.w.add(l);
  }
}

function conflicts(fp: Footprint, s: Frozen): boolean {
  for (const l of fp.w.keys()) if (has(s.r, l) || has(s.w, l)) return true;
  for (const l of fp.a) if (has(s.r, l) || has(s.w, l)) return true;
  for (const l of fp.r) if (has(s.w, l)) return true;
  return false;
}

export interface ExpandNode {
  enabled: number[];
  backtrack: Set<number>;
  sleep: Map<number, Footprint>;
}

/**
 * A run stopped at a cached state at point `at`: the earlier steps of the block (from `start`)
 * that conflict with what another CPU does below it, unordered with that CPU's place, have
 * every CPU tried at their point.
 */
export function injectFuture(
  nodes: ExpandNode[],
  evs: Ev[],
  start: number,
  at: number,
  lastOf: readonly number[],
  future: FrozenFuture,
): void {
  for (const [cpu, s] of future) {
    const last = lastOf[cpu] ?? -1;
    for (let i = start; i < at; i++) {
      const e = evs[i]!;
      if (e.cpu === cpu) continue;
      if (last >= 0 && hb(e, evs[last]!)) continue;
      if (!conflicts(e.fp, s)) continue;
      const n = nodes[i]!;
      for (const c of n.enabled) if (!n.sleep.has(c)) n.backtrack.add(c);
    }
  }
}

/** The CPUs of a sleep set, as a bit mask. */
export const sleepMask = (sleep: Map<number, unknown>): number => {
  let m = 0;
  for (const c of sleep.keys()) m |= 1 << c;
  return m;
};
