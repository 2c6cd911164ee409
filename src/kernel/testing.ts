// A small headless driver for the kernel model's tests: build a scenario from a list of ops,
// replay it, and read the result back through short helpers (chains, trees, pages, lock events).
// Test support only: nothing in the app imports it.
import type { EraId, Flags } from './flags';
import { isAnonVmaId, vmaId } from './ids';
import { effectiveFlags, replay, runScenario, type Replay } from './replay';
import { parseScenario } from './scenario';
import {
  formatFor,
  ScenarioError,
  type ParallelOp,
  type Scenario,
  type ScenarioOp,
  type SimpleOp,
} from './scenarioTypes';
import type { Forest, ForestAnonVma, ForestPage, ForestVma } from './snapshot';
import type { State } from './state';
import type { LockEvent, Step, ViolationKind } from './trace';
import type { ViewAnonVma, ViewState } from './view';

// ---- op builders ----

export const spawn = (pid: string): SimpleOp => ({ op: 'spawn', pid });
export const mmap = (pid: string, addr: number, pages: number, growsdown?: boolean): SimpleOp =>
  growsdown === undefined
    ? { op: 'mmap', pid, addr, pages }
    : { op: 'mmap', pid, addr, pages, growsdown };
export const write = (pid: string, addr: number): SimpleOp => ({
  op: 'touch',
  pid,
  addr,
  write: true,
});
export const read = (pid: string, addr: number): SimpleOp => ({
  op: 'touch',
  pid,
  addr,
  write: false,
});
/** A write fault on every page of [addr, addr + pages). */
export const writeAll = (pid: string, addr: number, pages: number): SimpleOp[] =>
  Array.from({ length: pages }, (_, i) => write(pid, addr + i));
export const fork = (pid: string, child: string): SimpleOp => ({ op: 'fork', pid, child });
export const mprotect = (pid: string, addr: number, pages: number, prot: 'r' | 'rw'): SimpleOp => ({
  op: 'mprotect',
  pid,
  addr,
  pages,
  prot,
});
export const munmap = (pid: string, addr: number, pages: number): SimpleOp => ({
  op: 'munmap',
  pid,
  addr,
  pages,
});
export const expand = (pid: string, addr: number, pages: number): SimpleOp => ({
  op: 'expand',
  pid,
  addr,
  pages,
});
export const exit = (pid: string): SimpleOp => ({ op: 'exit', pid });
export const migrate = (pid: string, addr: number): SimpleOp => ({ op: 'migrate', pid, addr });
export const ksmGet = (pid: string, addr: number, ref: string): SimpleOp => ({
  op: 'ksm_get',
  pid,
  addr,
  ref,
});
export const ksmPut = (ref: string): SimpleOp => ({ op: 'ksm_put', ref });
export const takeAllLocks = (pid: string): SimpleOp => ({ op: 'take_all_locks', pid });
export const reclaim = (pid: string, addr: number): SimpleOp => ({ op: 'reclaim', pid, addr });
export const parallel = (threads: SimpleOp[][], schedule?: number[]): ParallelOp =>
  schedule === undefined ? { op: 'parallel', threads } : { op: 'parallel', threads, schedule };

/** P with one VMA [addr, addr + pages) whose pages are all written. */
export const oneVma = (pid = 'P', addr = 0, pages = 4): SimpleOp[] => [
  spawn(pid),
  mmap(pid, addr, pages),
  ...writeAll(pid, addr, pages),
];

/** An op, or a (nested) list of ops. */
export type OpInput = ScenarioOp | readonly OpInput[];

export function flatOps(ops: readonly OpInput[]): ScenarioOp[] {
  return ops.flatMap((o): ScenarioOp[] => (Array.isArray(o) ? flatOps(o) : [o as ScenarioOp]));
}

/** A Contract 1 scenario, validated by parseScenario. Nested lists of ops are flattened. */
export function scenario(era: EraId, ops: readonly OpInput[], flags?: Partial<Flags>): Scenario {
  const flat = flatOps(ops);
  const raw: Record<string, unknown> = {
    format: formatFor(flat),
    title: 'test',
    era,
    ops: flat,
  };
  if (flags) raw.flags = flags;
  return parseScenario(raw);
}

// ---- the run and its helpers ----

export interface LockAt extends LockEvent {
  /** index of the step in `steps` */
  at: number;
  op: number;
  fn: string;
  line: string;
}

export interface Run extends Replay {
  scenario: Scenario;
  /** the model's final state (from a second, identical run) */
  state: State;
  /** the final forest (Contract 2, canonical ids) */
  f: Forest;
  /** kinds of the violations, in order */
  kinds: ViolationKind[];
  /** the forest VMA of `pid` that covers `addr` (throws when none) */
  vma(pid: string, addr: number): ForestVma;
  /** the chain of the VMA covering pid/addr, head first, canonical ids */
  chainOf(pid: string, addr: number): string[];
  /** the canonical id of vma->anon_vma of the VMA covering pid/addr */
  anonVmaOf(pid: string, addr: number): string | null;
  /** the forest anon_vma with canonical id `id` (throws when none) */
  av(id: string): ForestAnonVma;
  /** an anon_vma's same_anon_vma list / interval tree as `pid:start` */
  treeOf(id: string): string[];
  /** the page mapped at pid/addr, if it is an anonymous page */
  page(pid: string, addr: number): ForestPage | undefined;
  /** number of anon_vmas in the final forest */
  anonVmaCount: number;
  /** the steps of top-level op i */
  stepsOf(op: number): Step[];
  /** the lock events (of op i, or of all ops), with their step positions */
  locks(op?: number): LockAt[];
  /** the anon_vma locks (trace ids) taken by op i (or all ops), in order, with their mode */
  acquired(op?: number): string[];
  /** index of the last top-level op */
  last: number;
  /** the kernel functions the steps of op i (or all) belong to, first appearance order */
  fns(op?: number): string[];
  /** the final view state (trace ids) */
  view: ViewState;
  /** the view anon_vma with trace id `id` in the final view state */
  viewAv(id: string): ViewAnonVma;
}

export function run(era: EraId, ops: readonly OpInput[], flags?: Partial<Flags>): Run {
  const sc = scenario(era, ops, flags);
  return runScenarioFile(sc);
}

export function runScenarioFile(sc: Scenario): Run {
  const r = replay(sc);
  const { era, flags } = effectiveFlags(sc);
  const state = runScenario(sc, era, flags, {}).s;
  const f = r.forest();
  const view = r.stateAt(r.steps.length);
  const stepsOf = (op: number): Step[] => r.steps.filter((s) => s.op === op);
  const vma = (pid: string, addr: number): ForestVma => {
    const p = f.processes.find((x) => x.pid === pid);
    if (!p) throw new Error(`no live process ${pid}`);
    const v = p.vmas.find((x) => x.start <= addr && addr < x.end);
    if (!v) throw new Error(`no VMA at ${pid}:${addr}`);
    return v;
  };
  const av = (id: string): ForestAnonVma => {
    const a = f.anon_vmas.find((x) => x.id === id);
    if (!a) throw new Error(`no anon_vma ${id} in the forest`);
    return a;
  };
  const locks = (op?: number): LockAt[] =>
    r.steps.flatMap((s, at) =>
      s.lock && (op === undefined || s.op === op)
        ? [{ ...s.lock, at, op: s.op, fn: s.fn, line: s.line }]
        : [],
    );
  return {
    ...r,
    scenario: sc,
    state,
    f,
    kinds: r.violations.map((v) => v.kind),
    vma,
    chainOf: (pid, addr) => vma(pid, addr).chain,
    anonVmaOf: (pid, addr) => vma(pid, addr).anon_vma,
    av,
    treeOf: (id) => av(id).tree.map((t) => vmaId(t.pid, t.start)),
    page: (pid, addr) => f.pages.find((p) => p.pid === pid && p.addr === addr),
    anonVmaCount: f.anon_vmas.length,
    stepsOf,
    locks,
    acquired: (op) =>
      locks(op)
        .filter((l) => l.kind === 'acquire' && isAnonVmaId(l.owner))
        .map((l) => `${l.owner}:${l.mode}`),
    last: sc.ops.length - 1,
    fns: (op) => [...new Set((op === undefined ? r.steps : stepsOf(op)).map((s) => s.fn))],
    view,
    viewAv: (id) => {
      const a = view.anonVmas.find((x) => x.id === id);
      if (!a) throw new Error(`no live anon_vma ${id} in the view`);
      return a;
    },
  };
}

/** Runs the ops and returns the ScenarioError they raise (fails when they raise none). */
export function scenarioError(
  era: EraId,
  ops: readonly OpInput[],
  flags?: Partial<Flags>,
): ScenarioError {
  try {
    run(era, ops, flags);
  } catch (e) {
    if (e instanceof ScenarioError) return e;
    throw e;
  }
  throw new Error('expected a ScenarioError');
}
