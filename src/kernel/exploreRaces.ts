// Reversing one race (source-DPOR, Abdulla et al. POPL 2014): for steps i and j of different
// CPUs in a race, the steps after i that do not depend on it, followed by j, form a sequence v
// that can run from the point before i and ends in the other order. One of v's "initials" (a
// CPU whose first step in v depends on nothing else in v) must be tried at that point; if one
// is already there, the other order is covered.
import { hb, type Ev, type LockSnap, type Request } from './exploreEvents';
import type { LockRequest } from './exec';
import type { Mode } from './state';
import { ANY, OID, type Footprint } from './exploreTrack';
import type { Tracking } from './exploreTracking';

export interface RaceNode {
  enabled: number[];
  backtrack: Set<number>;
  sleep: Map<number, Footprint>;
}

const FREE: LockSnap = { n: 0, mode: null };

function acquirable(s: LockSnap, q: { mode: Mode; shared: boolean }): boolean {
  return s.n === 0 || (q.shared && q.mode === 'r' && s.mode === 'r');
}

/** The state of lock `id` just before step b (from the snapshots the steps keep). */
function lockBefore(evs: Ev[], start: number, free: Map<number, LockSnap>, b: number, id: number) {
  for (let k = b - 1; k >= start; k--) {
    const s = evs[k]!.locks?.get(id);
    if (s) return s;
  }
  return free.get(id) ?? FREE;
}

/**
 * The latest point at or before i where the lock was free for the request (-1: held since the
 * block began): a step that takes a lock cannot go before the release it waited for.
 */
function lockFree(evs: Ev[], start: number, free: Map<number, LockSnap>, i: number, q: Request) {
  let b = i;
  for (;;) {
    let k = b - 1;
    while (k >= start && !evs[k]!.locks?.has(q.lock)) k--;
    const s = k >= start ? evs[k]!.locks!.get(q.lock)! : (free.get(q.lock) ?? FREE);
    if (acquirable(s, q)) return b;
    if (k < start) return -1;
    b = k;
  }
}

type Blocked = { holder: Ev | null; q: Request } | null;

/**
 * Whether the steps of v can run in that order from the point before `base` as far as locks
 * go (lock ops commute in the race relation, so nothing else says so). The first acquire that
 * could not, with the step of v that holds the lock then (null: it was held before `base`).
 */
function blockedAt(
  evs: Ev[],
  start: number,
  free: Map<number, LockSnap>,
  base: number,
  v: Ev[],
): Blocked {
  const st = new Map<number, { n: number; mode: unknown; by: Ev[] }>();
  const at = (id: number) => {
    let x = st.get(id);
    if (!x) st.set(id, (x = { ...lockBefore(evs, start, free, base, id), by: [] }));
    return x;
  };
  for (const e of v) {
    const ops = [...(e.fp.locks ?? [])];
    // a step that never ran (a CPU left waiting): the acquire it waits to make
    if (e.req && !e.fp.locks?.has(e.req.lock)) ops.push([e.req.lock, 'acq']);
    for (const [id, op] of ops) {
      const x = at(id);
      if (op === 'rel-r' || op === 'rel-w') {
        x.n = Math.max(0, x.n - 1);
        if (x.n === 0) x.mode = null;
        x.by = x.by.filter((h) => h.cpu !== e.cpu);
        continue;
      }
      const asked = e.req?.lock === id ? e.req : null;
      const mode: Mode = asked ? asked.mode : op === 'acq' && e.fp.lk?.get(id) === 'r' ? 'r' : 'w';
      const q: Request = { lock: id, mode, shared: asked ? asked.shared : mode === 'r' };
      if (!acquirable(x, q) && !x.by.some((h) => h.cpu === e.cpu))
        return { holder: x.by.find((h) => h.cpu !== e.cpu) ?? null, q };
      if (op === 'both') continue;
      x.n++;
      x.mode = mode;
      x.by.push(e);
    }
  }
  return null;
}

/**
 * Reverse the race of steps i0 and j: find a point where a sequence v can start that runs j
 * before i0 (the steps after that point that j needs, following neither i0 nor a critical
 * section v must go before, then j), and make sure one of v's first steps is tried there.
 * Critical sections race by their data only: when v cannot take a lock there, the point moves
 * back before the acquire of whoever holds it (and v leaves that holder's section out), until
 * v can run.
 *
 * v holds only the steps that happen before j, not every step that does not follow i0 (the
 * paper's notdep(i0).j). The others commute with j (one that conflicted with it would happen
 * before it), so v starts a run with the same race reversed; and v's initials are initials of
 * notdep(i0).j too (a step's predecessors in notdep happen before j, so they are in v), so the
 * CPU required at the point is one the paper's rule accepts. What the smaller v changes is the
 * locks: a step j does not need (2.6.36: a second migration's lock_page while the first
 * migration holds the page lock) no longer moves the point back before a section j needs a
 * step of, where the race was given up. That lost the use-after-free pinned in
 * exploreReduction.test.ts when lock waits in lock order commute (exploreLockOrder.ts).
 */
export function reverseRace(
  nodes: RaceNode[],
  evs: Ev[],
  blockLocks: Map<number, LockSnap>[],
  blockStart: number[],
  i0: number,
  ej: Ev,
  j: number,
): void {
  const start = blockStart[ej.block]!;
  const free = blockLocks[ej.block]!;
  let base = ej.req ? lockFree(evs, start, free, i0, ej.req) : i0;
  if (base < 0) return;
  const pivots: Ev[] = [evs[i0]!];
  if (base < i0) pivots.push(evs[base]!);
  // what j needs other than through i0 (its clock counts i0 and what came before it)
  const needs = [...ej.deps.filter((d) => d !== i0), ej.prev].flatMap((d) =>
    d >= 0 ? [evs[d]!] : [],
  );
  let v: Ev[];
  for (let tries = 0; ; tries++) {
    if (tries > 64) return;
    // j cannot go before a section it needs
    if (pivots.some((p) => p !== evs[i0] && needs.some((q) => p === q || hb(p, q)))) return;
    v = [];
    for (let k = base + 1; k < j && k < evs.length; k++) {
      const e = evs[k]!;
      if (hb(e, ej) && !pivots.some((p) => p === e || hb(p, e))) v.push(e);
    }
    v.push(ej);
    const b = blockedAt(evs, start, free, base, v);
    if (!b) break;
    if (b.holder) {
      pivots.push(b.holder);
      continue;
    }
    base = lockFree(evs, start, free, base, b.q);
    if (base < 0) return;
    pivots.push(evs[base]!);
  }
  const ei = evs[base]!;
  const node = nodes[base];
  if (!node || ei.cpu === ej.cpu) return;
  // v's first step of each CPU, and which of them depend on nothing earlier in v
  const first = new Map<number, Ev>();
  const initials: number[] = [];
  for (const e of v) {
    if (first.has(e.cpu)) continue;
    let initial = true;
    for (const f of first.values())
      if (hb(f, e)) {
        initial = false;
        break;
      }
    first.set(e.cpu, e);
    if (initial) initials.push(e.cpu);
  }
  // j happens after i in this run only through i or steps after it: its true predecessors in
  // v are fewer than hb says, so the initials found are a subset of the true ones (still sound)
  if (initials.some((c) => node.backtrack.has(c))) return;
  const there = initials.filter((c) => node.enabled.includes(c));
  const pick = there.find((c) => !node.sleep.has(c));
  if (pick !== undefined) node.backtrack.add(pick);
  else if (there.length === 0) {
    // no initial can move there (a lock, or a spinning walker): try every CPU (Flanagan and
    // Godefroid's fallback), which is always enough
    for (const c of node.enabled) if (!node.sleep.has(c)) node.backtrack.add(c);
  }
  // else every initial there sleeps: that order was explored from this point already
}

/**
 * The steps of `steps` (one block's, in run order) that `keep`'s steps need: those they depend
 * on, and for each lock one of them takes, every earlier op on it and what that depends on (lock
 * ops commute in the race relation, yet the schedule must take the locks as the run did).
 */
function neededSteps(steps: Ev[], keep: Set<Ev>): Ev[] {
  for (let grew = true; grew;) {
    grew = false;
    for (let k = steps.length - 1; k >= 0; k--) {
      const e = steps[k]!;
      if (!keep.has(e) || !e.fp.locks) continue;
      for (let m = 0; m < k; m++) {
        const r = steps[m]!;
        if (keep.has(r) || r.cpu === e.cpu) continue;
        if (![...e.fp.locks.keys()].some((id) => r.fp.locks?.has(id))) continue;
        for (let q = 0; q <= m; q++) {
          const p = steps[q]!;
          if (!keep.has(p) && (p === r || hb(p, r))) {
            keep.add(p);
            grew = true;
          }
        }
      }
    }
  }
  return steps.filter((e) => keep.has(e));
}

/** Each block's schedule up to step x (the run is at `pos`): x's block keeps what x needs. */
export function scheduleTo(evs: Ev[], blockStart: number[], pos: number, x: number): number[][] {
  const ev = evs[x]!;
  return blockStart.map((start, b) => {
    const end = b === ev.block ? x + 1 : (blockStart[b + 1] ?? pos);
    const steps = evs.slice(start, end);
    if (b !== ev.block) return steps.map((e) => e.cpu);
    const keep = new Set(steps.filter((e) => e === ev || hb(e, ev)));
    return neededSteps(steps, keep).map((e) => e.cpu);
  });
}

/** Told of each race reversed, earlier step first (bench/exploreRaces.ts counts them). */
export const raceHook: { on: ((earlier: Ev, later: Ev) => void) | null } = { on: null };

export interface RaceRun {
  nodes: RaceNode[];
  evs: Ev[];
  blockLocks: Map<number, LockSnap>[];
  blockStart: number[];
}

/** Each race of step e (at j): an earlier dependent step nothing else orders before it. */
export function racesOf(run: RaceRun, e: Ev, j: number): void {
  const evs = run.evs;
  for (let t = 0; t < e.deps.length; t++) {
    const i = e.deps[t]!;
    if (i < 0 || t === e.cpu) continue;
    const ei = evs[i]!;
    const covered =
      e.deps.some((k, u) => u !== t && k >= 0 && hb(ei, evs[k]!)) ||
      (e.prev >= 0 && hb(ei, evs[e.prev]!));
    if (!covered) {
      raceHook.on?.(ei, e);
      reverseRace(run.nodes, evs, run.blockLocks, run.blockStart, i, e, j);
    }
  }
}

/**
 * The step a CPU still waiting for a lock when a run ended (a deadlock) would have made, as a
 * step that never ran: its race with the step holding the lock must be reversed too, or the
 * order in which it gets the lock first is never tried.
 */
export function waitingStep(
  tracking: Tracking,
  cpu: number,
  lock: LockRequest,
  block: number,
  place: (fp: Footprint) => Pick<Ev, 'idx' | 'deps' | 'prev' | 'clock'>,
  commutes: (id: number) => boolean,
): Ev | null {
  const id = (lock.lock as unknown as { [OID]?: number })[OID];
  if (id === undefined) return null;
  // the acquire it waits to make, by its meaning (see lockMeaning)
  const [, all, mode] = tracking.lockLocsOf(id);
  const reading = lock.mode === 'r' && lock.shared;
  const fp: Footprint = { r: new Set(), w: new Map(), a: new Set(), obs: 0 };
  fp.lk = new Map([[id, reading ? 'r' : 'w']]);
  if (reading || commutes(id)) fp.a.add(all!).add(mode!);
  else fp.w.set(all!, ANY).set(mode!, ANY);
  return {
    cpu,
    block,
    fp,
    ...place(fp),
    req: { lock: id, mode: lock.mode, shared: lock.shared },
    locks: null,
    viol: null,
  };
}
