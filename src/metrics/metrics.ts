// Numbers a teacher or reviewer compares across eras, computed from a trace: lock acquisitions
// per operation, chain length per VMA, VMAs visited per rmap walk (2.6.33 → 2.6.34 → 3.7's
// interval tree), and anon_vmas per family over time (the endless growth of §8.8).
import { parseLockId } from '../kernel/ids';
import type { Scenario } from '../kernel/scenarioTypes';
import type { Step } from '../kernel/trace';
import type { ViewState } from '../kernel/view';

export interface TraceLike {
  steps: Step[];
  opStarts: number[];
  stateAt(n: number): ViewState;
}

export interface OpLocks {
  op: number;
  label: string;
  /** anon_vma lock acquisitions */
  anonVma: number;
  /** per-VMA lock acquisitions (6.4 on): faults read-locking, writers write-locking a VMA */
  vmaLock: number;
  /** mmap_sem / mmap_lock and page locks */
  other: number;
}

export function opLabel(sc: Scenario, op: number): string {
  const o = sc.ops[op];
  if (!o) return `op ${op}`;
  if (o.op === 'parallel') return `${op}: parallel`;
  return `${op}: ${o.op} ${'pid' in o ? o.pid : o.ref}`;
}

/** One row per op, every count zero (tallyLock fills them). */
export function lockRows(sc: Scenario, ops: number): OpLocks[] {
  return Array.from({ length: ops }, (_, op) => ({
    op,
    label: opLabel(sc, op),
    anonVma: 0,
    vmaLock: 0,
    other: 0,
  }));
}

/** Counts `s` in its op's row when it acquires a lock (a step at a time: a trace may stream). */
export function tallyLock(rows: OpLocks[], s: Step): void {
  if (s.lock?.kind !== 'acquire') return;
  const row = rows[s.op];
  if (!row) return;
  const kind = parseLockId(s.lock.owner)?.kind;
  if (kind === 'anon_vma') row.anonVma++;
  else if (kind === 'vma') row.vmaLock++;
  else row.other++;
}

export function locksPerOp(t: TraceLike, sc: Scenario): OpLocks[] {
  const out = lockRows(sc, t.opStarts.length);
  for (const s of t.steps) tallyLock(out, s);
  return out;
}

export interface ChainLength {
  vma: string;
  length: number;
}

export function chainLengths(v: ViewState): ChainLength[] {
  return v.processes.flatMap((p) => p.vmas.map((m) => ({ vma: m.id, length: m.chain.length })));
}

export interface Walk {
  /** step (1-based) where the walk began */
  step: number;
  op: number;
  fn: string;
  visits: number;
}

const WALKERS = new Set(['try_to_unmap_anon', 'rmap_walk_anon']);

/** Reads the rmap walks of a trace a step at a time (a trace may stream). */
export class WalkTally {
  readonly walks: Walk[] = [];
  /** each CPU's walk under way */
  private readonly open = new Map<number, Walk>();

  /** Reads step `s`, the trace's `i`th (0-based). */
  add(s: Step, i: number): void {
    if (!WALKERS.has(s.fn)) return;
    if (s.line === 'anon-vma') {
      const w = { step: i + 1, op: s.op, fn: s.fn, visits: 0 };
      this.open.set(s.cpu, w);
      this.walks.push(w);
    } else if (s.line === 'visit') {
      const w = this.open.get(s.cpu);
      if (w) w.visits++;
    }
  }
}

/** Each rmap walk: from its `anon-vma` step to the next walk's start, counting VMA visits. */
export function walks(t: TraceLike): Walk[] {
  const tally = new WalkTally();
  t.steps.forEach((s, i) => tally.add(s, i));
  return tally.walks;
}

export interface FamilyCount {
  /** cursor (micro-steps taken) at the end of the op */
  step: number;
  op: number;
  /** live anon_vmas per family, keyed by the root's trace id */
  families: Record<string, number>;
  total: number;
}

/** Live anon_vmas of one state, per family (keyed by the root's trace id). */
export function familyCount(v: ViewState): Pick<FamilyCount, 'families' | 'total'> {
  const families: Record<string, number> = {};
  for (const a of v.anonVmas) {
    const root = a.root ?? a.id;
    families[root] = (families[root] ?? 0) + 1;
  }
  return { families, total: v.anonVmas.length };
}

/** The cursor at the end of each op. */
export const opEnds = (t: Pick<TraceLike, 'opStarts' | 'steps'>): number[] =>
  t.opStarts.map((_, i) => t.opStarts[i + 1] ?? t.steps.length);

/** Live anon_vmas after each op, per family (root). */
export function anonVmasOverTime(t: TraceLike): FamilyCount[] {
  return opEnds(t).map((step, op) => ({ step, op, ...familyCount(t.stateAt(step)) }));
}
