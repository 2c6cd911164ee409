// The runner: executes a scenario's ops on simulated CPUs, one announced micro-step at a time,
// choosing the CPU for each step inside `parallel` blocks (the schedule, then round-robin, or
// a chooser for explore), recording the trace and the violations pinned to steps.
import { K, OpError } from './exec';
import type { Announce, CpuRun, Gen, LockRequest, Sink } from './exec';
import type { EraId, Flags } from './flags';
import { canAcquire } from './locks';
import { runOp } from './dispatch';
import { checkStructure } from './invariants';
import { cloneState } from './cloneState';
import { fnv } from './stateHash';
import { ScenarioError, type Scenario, type SimpleOp } from './scenarioTypes';
import { newState, vmaId, type Mode, type State } from './state';
import { vmaLockId } from './ids';
import type { Step, Violation, ViolationKind } from './trace';

interface Cpu {
  k: K;
  gen: Gen | null;
  pending: Announce | null;
  done: boolean;
  /** for error messages: where this CPU is in the scenario */
  where: string;
  threadOp: [number, number] | null;
}

/** Picks the next CPU at a decision point of a parallel block (explore uses this). */
export type Chooser = (enabled: number[], block: number) => number | 'stop';

export interface RunOptions {
  /** stop before executing step `limit` (0-based count of steps taken) */
  limit?: number;
  /** record step texts (off in benchmarks of raw throughput) */
  record?: boolean;
  chooser?: Chooser;
  /** run the whole-state checks after each op (on by default) */
  checks?: boolean;
  /**
   * A schedule entry naming a CPU that cannot move is an error in the file (the default).
   * Replaying a file under other flags than its own may make such a CPU wait: lenient
   * replays then let the next ready CPU take the step and count a `scheduleSkips`.
   */
  lenientSchedule?: boolean;
  /** keep per-CPU history fingerprints (explore's state merging needs them) */
  history?: boolean;
  /**
   * Interactive scheduling: when a parallel block's schedule runs out, stop there (instead of
   * going round-robin) and report which CPUs could take the next step in `awaiting`.
   */
  interactive?: boolean;
  /** called with the runner before step `taken` runs, for each `taken` in the set (statesAt) */
  observe?: { at: ReadonlySet<number>; fn: (r: Runner) => void };
  /**
   * Start from a copy of this state, at top-level op `op`, `taken` steps in (explore); `copy`
   * makes the copy (explore's tracked copy), cloneState by default.
   */
  base?: { state: State; op: number; taken: number; copy?: (s: State) => State };
  /** explore's probes around each micro-step (see ExecHooks) */
  hooks?: ExecHooks;
}

/**
 * What explore's partial-order reduction watches: each micro-step's start and end (`parallel`
 * when it is a CPU's step inside a parallel block, chosen by the chooser), a CPU going back to
 * a checkpoint (the lock dance's restart), and every violation as it is seen (the trace keeps
 * only the first of each message).
 */
export interface ExecHooks {
  before(cpu: number, parallel: boolean): void;
  after(cpu: number, parallel: boolean): void;
  /** after the step: the CPU marked its place (checkpoint) or went back to one (rewind) */
  mark(cpu: number, kind: 'checkpoint' | 'rewind', label: string): void;
  violation(v: Violation): void;
}

export interface RunResult {
  state: State;
  steps: Step[];
  violations: Violation[];
  opStarts: number[];
  stopped: string | null;
  counts: Record<string, number>;
  /** the CPU taken at each decision point of each parallel block */
  choices: number[][];
  /** total micro-steps taken (also when not recorded) */
  taken: number;
  /** interactive mode: where the replay waits for the next CPU choice */
  awaiting: { op: number; ready: number[] } | null;
}

class Stop extends Error {}

/** Shared by steps that touch nothing (most allocations in a replay are trace records). */
const NONE: string[] = [];

/** The processes an op (or a parallel block) can have changed. */
function pidsOf(op: Scenario['ops'][number]): Set<string> {
  const out = new Set<string>();
  const add = (o: SimpleOp): void => {
    if ('pid' in o) out.add(o.pid);
    if (o.op === 'fork') out.add(o.child);
  };
  if (op.op === 'parallel') op.threads.forEach((t) => t.forEach(add));
  else add(op);
  return out;
}

export class Runner implements Sink {
  readonly s: State;
  readonly steps: Step[] = [];
  readonly violations: Violation[] = [];
  readonly opStarts: number[] = [];
  readonly counts: Record<string, number> = {};
  readonly choices: number[][] = [];
  stopped: string | null = null;
  /** interactive mode: the block and CPUs waiting for the user's choice */
  awaiting: { op: number; ready: number[] } | null = null;
  taken = 0;
  /** whether steps are recorded now (explore re-runs a prefix without, then records) */
  recording: boolean;
  private cur: Step | null = null;
  private curCpu = 0;
  /** per-CPU rolling hash of the steps it took (what it observed), for explore */
  private readonly hist = new Map<number, number>();
  private readonly marks = new Map<string, number>();
  private after: { kind: 'checkpoint' | 'rewind'; label: string } | null = null;
  private op = 0;
  private readonly opts: RunOptions;
  private readonly seen = new Set<string>();
  /** the CPUs of the op or block running now (for the view's waiting marks) */
  private active: Cpu[] = [];

  constructor(era: EraId, flags: Flags, opts: RunOptions = {}) {
    const base = opts.base;
    this.s = base ? (base.copy ?? cloneState)(base.state) : newState(era, flags);
    this.taken = opts.base?.taken ?? 0;
    this.opts = opts;
    this.recording = opts.record !== false;
  }

  // --- Sink -----------------------------------------------------------------------------
  note(text: string): void {
    if (this.cur) this.cur.text += ` — ${text}`;
  }
  retext(text: string): void {
    if (this.cur) this.cur.text = text;
  }
  touch(id: string): void {
    const st = this.cur;
    if (!st) return;
    if (st.touched === NONE) st.touched = [id];
    else if (!st.touched.includes(id)) st.touched.push(id);
  }
  lockEvent(kind: 'acquire' | 'release' | 'trylock-fail', owner: string, mode: Mode): void {
    if (this.cur) this.cur.lock = { kind, owner, mode };
  }
  violation(kind: ViolationKind, message: string, objects: string[]): void {
    this.opts.hooks?.violation({ kind, step: this.taken, message, objects });
    const key = `${kind}|${message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.violations.push({ kind, step: this.taken, message, objects });
  }
  count(metric: string): void {
    this.counts[metric] = (this.counts[metric] ?? 0) + 1;
  }
  // Both take effect once the current step is hashed in.
  checkpoint(label: string): void {
    this.after = { kind: 'checkpoint', label };
  }
  rewind(label: string): void {
    this.after = { kind: 'rewind', label };
  }
  /** The per-CPU history fingerprints and checkpoints, to resume them after a silent re-run. */
  saveHistory(): { hist: [number, number][]; marks: [string, number][] } {
    return { hist: [...this.hist], marks: [...this.marks] };
  }
  restoreHistory(h: { hist: [number, number][]; marks: [string, number][] }): void {
    this.hist.clear();
    for (const [c, v] of h.hist) this.hist.set(c, v);
    this.marks.clear();
    for (const [k, v] of h.marks) this.marks.set(k, v);
  }

  /** Each CPU's history fingerprint (see stateHash.ts). */
  historyKey(): string {
    const next = this.active.map((c) =>
      c.pending
        ? `${c.pending.fn}.${c.pending.line}:${c.pending.text}@${c.pending.about ?? ''}`
        : '-',
    );
    const hist = [...this.hist].sort((a, b) => a[0] - b[0]);
    return `${hist.map(([c, h]) => `${c}:${h}`).join(',')}>${next.join('|')}`;
  }

  // --- stepping -------------------------------------------------------------------------
  private cpu(n: number, where: string): Cpu {
    return {
      k: new K(this.s, n, this),
      gen: null,
      pending: null,
      done: false,
      where,
      threadOp: null,
    };
  }

  private advance(c: Cpu): void {
    if (!c.gen) return;
    let r: IteratorResult<Announce, void>;
    try {
      r = c.gen.next();
    } catch (e) {
      if (e instanceof OpError) throw this.opError(c, e);
      throw e;
    }
    if (r.done) {
      c.done = true;
      c.pending = null;
    } else c.pending = r.value;
  }

  private opError(c: Cpu, e: OpError): ScenarioError {
    return new ScenarioError(`${c.where}: ${e.message}`, this.op, e.field);
  }

  private enabled(c: Cpu): boolean {
    if (c.done || !c.pending) return false;
    const l = c.pending.lock;
    return !l || canAcquire(l.lock, l.mode, l.shared);
  }

  /** Execute c's announced step (the code up to its next announcement). */
  private exec(c: Cpu, parallel = false): void {
    if (this.opts.limit !== undefined && this.taken >= this.opts.limit) throw new Stop();
    if (this.opts.observe?.at.has(this.taken)) this.opts.observe.fn(this);
    const hooks = this.opts.hooks;
    if (hooks) {
      hooks.before(c.k.cpu, parallel);
      try {
        this.step(c);
      } finally {
        hooks.after(c.k.cpu, parallel);
      }
    } else this.step(c);
  }

  private step(c: Cpu): void {
    const a = c.pending!;
    this.taken++;
    if (this.recording) {
      const st: Step = {
        cpu: c.k.cpu,
        op: this.op,
        fn: a.fn,
        line: a.line,
        text: a.text,
        touched: NONE,
      };
      if (c.threadOp) st.threadOp = [c.threadOp[0], c.threadOp[1]];
      this.steps.push(st);
      this.cur = st;
    }
    this.curCpu = c.k.cpu;
    this.advance(c);
    const st = this.cur as Step | null;
    if (st && this.opts.history)
      this.hist.set(
        this.curCpu,
        fnv(
          this.hist.get(this.curCpu) ?? 2166136261,
          `${st.fn}.${st.line}:${st.text}@${a.about ?? ''}`,
        ),
      );
    if (this.after) {
      const key = `${this.curCpu}:${this.after.label}`;
      if (this.after.kind === 'checkpoint') this.marks.set(key, this.hist.get(this.curCpu) ?? 0);
      else {
        const h = this.marks.get(key);
        if (h !== undefined) this.hist.set(this.curCpu, h);
      }
      this.opts.hooks?.mark(this.curCpu, this.after.kind, this.after.label);
      this.after = null;
    }
    this.cur = null;
  }

  private deadlock(cpus: Cpu[]): void {
    const waits = cpus
      .filter((c) => !c.done && c.pending?.lock)
      .map((c) => {
        const l = c.pending!.lock!;
        const self = l.lock.holders.includes(c.k.cpu)
          ? ' (held by itself)'
          : ` (held by cpu${l.lock.holders.join(' cpu')})`;
        return `cpu${c.k.cpu} waits for ${l.owner}${self}`;
      });
    const objects = cpus
      .filter((c) => !c.done && c.pending?.lock)
      .map((c) => c.pending!.lock!.owner);
    this.violation('deadlock', `no CPU can move: ${waits.join('; ')}`, [...new Set(objects)]);
    this.stopped = `deadlock at step ${this.taken}`;
  }

  private runSimple(op: SimpleOp, where: string): boolean {
    const c = this.cpu(0, where);
    this.active = [c];
    c.gen = runOp(c.k, op);
    this.advance(c);
    while (!c.done) {
      if (!this.enabled(c)) {
        this.deadlock([c]);
        return false;
      }
      this.exec(c);
    }
    return true;
  }

  private runParallel(
    threads: SimpleOp[][],
    schedule: number[],
    block: number,
    where: string,
  ): boolean {
    const cpus = threads.map((_, t) => this.cpu(t, `${where} thread ${t}`));
    this.active = cpus;
    const made: number[] = [];
    this.choices.push(made);
    cpus.forEach((c, t) => {
      c.gen = this.thread(c, t, threads[t]!, where);
      this.advance(c);
    });
    let last = -1;
    for (;;) {
      const live = cpus.filter((c) => !c.done);
      if (live.length === 0) return true;
      const ready = live.filter((c) => this.enabled(c)).map((c) => c.k.cpu);
      if (ready.length === 0) {
        this.deadlock(live);
        return false;
      }
      let pick: number;
      const pos = made.length;
      if (pos < schedule.length) {
        pick = schedule[pos]!;
        const c = cpus[pick];
        if (c && !ready.includes(pick) && this.opts.lenientSchedule) {
          this.count('scheduleSkips');
          pick = ready.find((n) => n > pick) ?? ready[0]!;
        } else if (!c || !ready.includes(pick)) {
          const why = !c
            ? 'there is no such CPU'
            : c.done
              ? `cpu${pick} has finished`
              : `cpu${pick} is waiting for ${c.pending!.lock!.owner}`;
          throw new ScenarioError(
            `${where}: schedule[${pos}] names cpu${pick}, but ${why}`,
            this.op,
            `schedule[${pos}]`,
          );
        }
      } else if (this.opts.interactive) {
        this.awaiting = { op: this.op, ready };
        throw new Stop();
      } else if (this.opts.chooser) {
        const ch = this.opts.chooser(ready, block);
        if (ch === 'stop') throw new Stop();
        pick = ch;
      } else {
        pick = ready.find((n) => n > last) ?? ready[0]!;
      }
      made.push(pick);
      last = pick;
      this.exec(cpus[pick]!, true);
    }
  }

  private *thread(c: Cpu, t: number, ops: SimpleOp[], where: string): Gen {
    for (let j = 0; j < ops.length; j++) {
      c.threadOp = [t, j];
      c.where = `${where} thread ${t} op ${j} (${ops[j]!.op})`;
      yield* runOp(c.k, ops[j]!);
    }
  }

  run(sc: Scenario): void {
    let block = 0;
    try {
      for (let i = this.opts.base?.op ?? 0; i < sc.ops.length; i++) {
        this.op = i;
        this.opStarts.push(this.taken);
        const op = sc.ops[i]!;
        const where = `op ${i} (${op.op})`;
        const ok =
          op.op === 'parallel'
            ? this.runParallel(op.threads, op.schedule ?? [], block++, where)
            : this.runSimple(op, where);
        if (!ok) return;
        if (this.opts.checks !== false) checkStructure(this.s, this, pidsOf(op), op.op);
      }
    } catch (e) {
      if (!(e instanceof Stop)) throw e;
    }
  }

  /** Each CPU of the running op or block: finished, or the lock its next step asks for. */
  requests(): { cpu: number; done: boolean; lock: LockRequest | null }[] {
    return this.active.map((c) => ({
      cpu: c.k.cpu,
      done: c.done,
      lock: (!c.done && c.pending?.lock) || null,
    }));
  }

  /** Each CPU of the running op: the lock it waits for, its page locks, where it walks. */
  cpuStatus(): CpuRun[] {
    return this.active.map((c) => {
      const l = c.pending?.lock;
      const blocked = !c.done && l && !canAcquire(l.lock, l.mode, l.shared);
      // a VMA is named by its start, which may have moved since the CPU asked for its lock
      const waiting = blocked ? (l.vma ? vmaLockId(vmaId(l.vma)) : l.owner) : null;
      const { cpu, pageLocks, visiting } = c.k;
      const out: CpuRun = {
        cpu,
        waitingFor: waiting,
        done: c.done,
        pageLocks: [...pageLocks.keys()],
        visiting,
      };
      if (blocked) out.waitingMode = l.mode;
      return out;
    });
  }

  result(): RunResult {
    return {
      state: this.s,
      steps: this.steps,
      violations: this.violations,
      opStarts: this.opStarts,
      stopped: this.stopped,
      counts: this.counts,
      choices: this.choices,
      taken: this.taken,
      awaiting: this.awaiting,
    };
  }
}
