// Reversing one race (source-DPOR, Abdulla et al. POPL 2014): for steps i and j of different
// CPUs in a race, the steps after i that do not depend on it, followed by j, form a sequence v
// that can run from the point before i and ends in the other order. One of v's "initials" (a
// CPU whose first step in v depends on nothing else in v) must be tried at that point; if one
// is already there, the other order is covered.
import { hb, type Ev, type LockSnap, type Request } from './exploreEvents';
import type { LockRequest } from './exec';
import { ANY, OID, type Footprint } from './exploreTrack';
import type { Tracking } from './exploreTracking';

export interface RaceNode {
  enabled: number[];
  backtrack: Set<number>;
  sleep: Map<number, Footprint>;
}

const FREE: LockSnap = { n: 0, mode: null };

function acquirable(s: LockSnap, q: Request): boolean {
  return s.n === 0 || (q.shared && q.mode === 'r' && s.mode === 'r');
}

/**
 * A step that takes a lock cannot go before the release it waited for: the order to try is
 * its acquire against the acquire that began the lock's busy spell. The latest point at or
 * before i where the lock was free for the request (-1: held since the block began).
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
  const i = ej.req ? lockFree(evs, start, blockLocks[ej.block]!, i0, ej.req) : i0;
  if (i < 0) return;
  const ei = evs[i]!;
  const node = nodes[i];
  if (!node || ei.cpu === ej.cpu) return;
  // v's first step of each CPU, and which of them depend on nothing earlier in v
  const first = new Map<number, Ev>();
  const initials: number[] = [];
  const consider = (e: Ev): void => {
    if (first.has(e.cpu)) return;
    let initial = true;
    for (const f of first.values())
      if (hb(f, e)) {
        initial = false;
        break;
      }
    first.set(e.cpu, e);
    if (initial) initials.push(e.cpu);
  };
  for (let k = i + 1; k < j && k < evs.length; k++) {
    const e = evs[k]!;
    if (!hb(ei, e)) consider(e);
  }
  // j happens after i in this run only through i or steps after it: its true predecessors in
  // v are fewer than hb says, so the initials found are a subset of the true ones (still sound)
  consider(ej);
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
    if (!covered) reverseRace(run.nodes, evs, run.blockLocks, run.blockStart, i, e, j);
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
): Ev | null {
  const id = (lock.lock as unknown as { [OID]?: number })[OID];
  if (id === undefined) return null;
  // the acquire it waits to make, by its meaning (see lockMeaning)
  const [, all, mode] = tracking.lockLocsOf(id);
  const fp: Footprint = { r: new Set(), w: new Map(), a: new Set(), obs: 0 };
  if (lock.mode === 'r' && lock.shared) fp.a.add(all!).add(mode!);
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
