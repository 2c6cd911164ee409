// The events of one explored run of a parallel block and the happens-before order between
// them: two micro-steps of different CPUs are dependent when one writes a location the other
// reads or writes (exploreTrack.ts); happens-before is program order plus the order in which
// dependent steps ran. Vector clocks make "does a happen before b" one comparison.
import { ANY, type Footprint } from './exploreTrack';
import type { Mode } from './state';
import type { Violation } from './trace';

/** A lock request a step waited for: the lock (its tracking id) and how it asked. */
export interface Request {
  lock: number;
  mode: Mode;
  shared: boolean;
}

export interface LockSnap {
  n: number;
  mode: unknown;
}

export interface Ev {
  cpu: number;
  block: number;
  /** its position among its CPU's steps in the block, from 0 */
  idx: number;
  fp: Footprint;
  /** clock[c]: how many of CPU c's steps happen before it (itself included) */
  clock: number[];
  /** the latest earlier dependent step of each other CPU (-1: none) */
  deps: number[];
  /** its CPU's previous step in the block (-1: none) */
  prev: number;
  /** the lock its announcement asked for, when it had to wait for one */
  req: Request | null;
  /** the state after it of every lock it changed */
  locks: Map<number, LockSnap> | null;
  /** violations seen while it ran (each occurrence, not only the first of its message) */
  viol: Violation[] | null;
}

/** Whether a happens before b (events of one block). */
export const hb = (a: Ev, b: Ev): boolean => (b.clock[a.cpu] ?? 0) > a.idx;

/**
 * Whether two footprints conflict: a write against a read, an append or a write of another
 * value; an append against a read; two ops on one lock unless both read it. This is the
 * relation under which adjacent steps commute (the sleep sets use it); races are found with
 * the looser one of AccessIndex, where lock ops that commute (lockMeaning) do not race.
 */
export function dependent(x: Footprint, y: Footprint): boolean {
  if (x.lk && y.lk)
    for (const [id, m] of x.lk) {
      const n = y.lk.get(id);
      if (n !== undefined && (m === 'w' || n === 'w')) return true;
    }
  for (const [l, v] of x.w) {
    if (y.r.has(l) || y.a.has(l)) return true;
    if (y.w.has(l) && (y.w.get(l) !== v || v === ANY)) return true;
  }
  for (const l of x.r) if (y.w.has(l) || y.a.has(l)) return true;
  for (const l of x.a) if (y.r.has(l) || y.w.has(l)) return true;
  return false;
}

interface Acc {
  r: number[];
  w: number[];
  /** the value each CPU's latest write there wrote, and its latest write of another value */
  wv: unknown[];
  wd: number[];
  a: number[];
}

/**
 * Per location, the latest step of each CPU that read, wrote or appended to it: a new step's
 * dependent predecessors are found in its own footprint's size, not the run's length.
 */
export class AccessIndex {
  private readonly at = new Map<number, Acc>();
  constructor(private readonly cpus: number) {}

  private acc(loc: number): Acc {
    let a = this.at.get(loc);
    if (!a) {
      const none = (): number[] => new Array<number>(this.cpus).fill(-1);
      a = { r: none(), w: none(), wv: new Array<unknown>(this.cpus), wd: none(), a: none() };
      this.at.set(loc, a);
    }
    return a;
  }

  /** For each other CPU, its latest step that conflicts with fp (-1: none). */
  conflicts(cpu: number, fp: Footprint): number[] {
    const best = new Array<number>(this.cpus).fill(-1);
    const take = (list: number[]): void => {
      for (let t = 0; t < this.cpus; t++) if (t !== cpu && list[t]! > best[t]!) best[t] = list[t]!;
    };
    for (const l of fp.r) {
      const a = this.at.get(l);
      if (!a) continue;
      take(a.w);
      take(a.a);
    }
    for (const [l, v] of fp.w) {
      const a = this.at.get(l);
      if (!a) continue;
      take(a.r);
      take(a.a);
      // a write of the same value commutes; the one before it that wrote another does not
      for (let t = 0; t < this.cpus; t++) {
        if (t === cpu) continue;
        const w = a.wv[t] !== v || v === ANY ? a.w[t]! : a.wd[t]!;
        if (w > best[t]!) best[t] = w;
      }
    }
    for (const l of fp.a) {
      const a = this.at.get(l);
      if (!a) continue;
      take(a.r);
      take(a.w);
    }
    return best;
  }

  add(cpu: number, at: number, fp: Footprint): void {
    for (const l of fp.r) this.acc(l).r[cpu] = at;
    for (const [l, v] of fp.w) {
      const a = this.acc(l);
      if (a.w[cpu]! >= 0 && (a.wv[cpu] !== v || v === ANY)) a.wd[cpu] = a.w[cpu]!;
      a.w[cpu] = at;
      a.wv[cpu] = v;
    }
    for (const l of fp.a) this.acc(l).a[cpu] = at;
  }
}

/** An event's clock from its dependent predecessors and its CPU's previous step. */
export function clockOf(
  cpu: number,
  idx: number,
  cpus: number,
  preds: readonly (Ev | undefined)[],
): number[] {
  const c = new Array<number>(cpus).fill(0);
  for (const p of preds) {
    if (!p) continue;
    for (let t = 0; t < cpus; t++) if (p.clock[t]! > c[t]!) c[t] = p.clock[t]!;
  }
  c[cpu] = idx + 1;
  return c;
}

/** Where a new step of `cpu` stands: its index in its CPU, its dependencies and its clock. */
export function placeStep(
  evs: readonly Ev[],
  index: AccessIndex,
  lastOf: readonly number[],
  cpus: number,
  cpu: number,
  fp: Footprint,
): Pick<Ev, 'idx' | 'deps' | 'prev' | 'clock'> {
  const prev = lastOf[cpu]!;
  const deps = index.conflicts(cpu, fp);
  const idx = prev >= 0 ? evs[prev]!.idx + 1 : 0;
  const preds = [...deps, prev].map((d) => (d >= 0 ? evs[d] : undefined));
  return { idx, deps, prev, clock: clockOf(cpu, idx, cpus, preds) };
}
