// Explore as a model checker: depth-first over the CPU choices of the parallel blocks, with
// source-set DPOR and sleep sets (Abdulla, Aronis, Jonsson, Sagonas, "Optimal dynamic partial
// order reduction", POPL 2014, Algorithm 1) and a cache of finished states (exploreCache.ts).
// A run goes to its end choosing one CPU at each point; then every race in it (two dependent
// steps of different CPUs with nothing ordering them in between) is reversed by adding, at the
// point before the first step, a CPU that starts the other order. Sleep sets keep a CPU that
// was already tried at a point asleep until a dependent step wakes it, so no two complete runs
// are the same class of interleavings (same steps, dependent ones in the same order: same
// states, same violations). Waits for a lock that follow the lock order do not race with each
// other (exploreLockOrder.ts): two critical sections are ordered by the data they share.
//
// A run re-runs its prefix from the block's start (a CPU's place in its op lives in a JS
// generator, which cannot be copied), without recording, and records from the branch point.
import { addFuture, addStep, injectFuture, Interner, sleepMask } from './exploreCache';
import type { Cached, Future, FrozenFuture } from './exploreCache';
import {
  AccessIndex,
  dependent,
  placeStep,
  type Ev,
  type LockSnap,
  type Request,
} from './exploreEvents';
import { mix } from './exploreHash';
import { LOCK_ORDER_COMMUTES, LockOrder } from './exploreLockOrder';
import { racesOf, scheduleTo, waitingStep } from './exploreRaces';
import { lockMeaning, newFootprint, OID, recordInto } from './exploreTrack';
import { Tracking } from './exploreTracking';
import type { Footprint } from './exploreTrack';
import type { EraId, Flags } from './flags';
import { Runner, type ExecHooks } from './runner';
import type { Scenario } from './scenarioTypes';
import type { State } from './state';
import type { Violation } from './trace';
import type { DporOptions, DporOutcome, SearchProgress } from './exploreTypes';
import { empty, type Node } from './exploreNode';

export type { DporOptions, DporOutcome, Found, SearchProgress, StopReason } from './exploreTypes';

export class Dpor {
  /** label each event with its step's function and line (for debugging a reduction) */
  static debug = false;
  private readonly nodes: Node[] = [];
  private readonly events: Ev[] = [];
  private readonly tracking = new Tracking();
  private readonly seen = new Set<number>();
  private readonly cache = new Map<number, Cached>();
  private readonly interner = new Interner();
  private readonly t0 = performance.now();
  private nextReport: number;
  private out: DporOutcome = {
    states: 0,
    runs: 0,
    redundant: 0,
    cached: 0,
    steps: 0,
    found: null,
    stopped: null,
    counts: {},
  };
  // --- the run under way -------------------------------------------------------------------
  private runner: Runner | null = null;
  private replayTo = 0;
  private pos = 0;
  private block = -1;
  private cpus = 0;
  private index = new AccessIndex(0);
  private lastOf: number[] = [];
  /** each CPU's observations so far in the block, and at its checkpoints */
  private obs: number[] = [];
  private marks = new Map<string, number>();
  private fp: Footprint | null = null;
  private req: Request | null = null;
  private viol: Violation[] = [];
  private nextSleep = empty<number, Footprint>();
  private blockLocks: Map<number, LockSnap>[] = [];
  private readonly order = new LockOrder((id) => this.tracking.rankOf(id));
  private blockStart: number[] = [];
  /** how the run ended before every CPU finished, and what lies below that point */
  private ended: 'sleep' | 'cached' | 'loop' | null = null;
  private tail: Future | FrozenFuture = new Map();
  /** what the counts would still grow by below the cached state a run stopped at */
  private tailCounts: Record<string, number> = {};
  private virtual: Ev[] = [];
  private calls = 0;

  constructor(
    private readonly sc: Scenario,
    private readonly era: EraId,
    private readonly flags: Flags,
    private readonly base: { state: State; op: number; taken: number },
    private readonly opts: DporOptions,
  ) {
    this.nextReport = this.t0 + opts.progressMs;
  }

  search(): DporOutcome {
    do {
      this.runOnce();
      if (this.out.stopped || this.out.found) break;
      if (this.opts.reduction === 'dpor' && this.opts.preemptions === undefined) this.races();
    } while (this.backtrack());
    return this.out;
  }

  // --- one run ---------------------------------------------------------------------------
  private runOnce(): void {
    this.pos = 0;
    this.block = -1;
    this.ended = null;
    this.tail = new Map();
    this.tailCounts = {};
    this.viol = [];
    this.blockLocks = [];
    this.blockStart = [];
    this.tracking.begin();
    const hooks: ExecHooks = {
      before: (cpu, par) => this.before(cpu, par),
      after: (cpu, par) => this.after(cpu, par),
      mark: (cpu, kind, label) => this.mark(cpu, kind, label),
      violation: (v) => this.onViolation(v),
    };
    const r = new Runner(this.era, this.flags, {
      base: { ...this.base, copy: (s) => this.tracking.clone(s) },
      chooser: (ready, block) => this.choose(ready, block),
      hooks,
      record: Dpor.debug,
    });
    this.runner = r;
    try {
      r.run(this.sc);
      if (r.stopped) this.waiting();
    } finally {
      recordInto(null);
      this.tracking.end();
    }
    this.out.steps += r.taken - this.base.taken;
    // counts along the whole run, the part below a cached state included
    const counts = { ...r.counts };
    for (const [k, v] of Object.entries(this.tailCounts)) counts[k] = (counts[k] ?? 0) + v;
    for (const [k, v] of Object.entries(counts)) {
      this.out.counts[k] = Math.max(this.out.counts[k] ?? 0, v);
      for (const n of this.nodes) n.below[k] = Math.max(n.below[k] ?? 0, v - (n.counts[k] ?? 0));
    }
    if (this.out.stopped) return;
    if (this.ended === 'sleep') this.out.redundant++;
    else if (this.ended === 'cached' || this.ended === 'loop') this.out.cached++;
    else this.out.runs++;
    if (this.out.runs + this.out.redundant + this.out.cached >= this.opts.maxRuns)
      this.out.stopped = 'max-runs';
  }

  private enterBlock(block: number): void {
    this.block = block;
    this.cpus = this.runner!.requests().length;
    this.index = new AccessIndex(this.cpus);
    this.lastOf = new Array<number>(this.cpus).fill(-1);
    this.obs = new Array<number>(this.cpus).fill(0);
    this.order.enter(this.cpus);
    this.marks = new Map();
    this.nextSleep = empty();
    this.blockLocks[block] = this.tracking.allLockStates();
    this.blockStart[block] = this.pos;
  }

  /** The state now: the shared state's hash and every CPU's observations. */
  private key(): number {
    let [a, b] = this.tracking.stateHash();
    a = mix(a, this.block);
    b = mix(b, ~this.block);
    for (const o of this.obs) {
      a = mix(a, o);
      b = mix(o, b);
    }
    return a * 2097152 + (b & 2097151);
  }

  private choose(ready: number[], block: number): number | 'stop' {
    this.tracking.adoptPending();
    if (block !== this.block) this.enterBlock(block);
    const x = this.pos;
    if (x < this.replayTo) return this.events[x]!.cpu;
    if (this.budget()) return 'stop';
    const r = this.runner!;
    if (x === this.replayTo && x < this.nodes.length) {
      r.recording = Dpor.debug;
      return this.nodes[x]!.cur;
    }
    const key = this.key();
    if (!this.seen.has(key)) {
      this.seen.add(key);
      this.out.states++;
    }
    const start = this.blockStart[block]!;
    // the same state as a point above: a walker's restart that changed nothing. What follows is
    // what follows that point; every point on the loop has every CPU tried (the cycle proviso
    // of stateful partial-order reduction), so no CPU's step is put off round the loop for ever
    for (let y = x - 1; y >= start; y--) {
      if (this.nodes[y]!.key !== key) continue;
      for (let z = y; z < x; z++) {
        const n = this.nodes[z]!;
        for (const c of n.enabled) if (!n.sleep.has(c)) n.backtrack.add(c);
        if (z > y) n.loop = true;
      }
      this.ended = 'loop';
      return 'stop';
    }
    const hit = this.cache.get(key);
    if (hit && (hit.sleep & ~sleepMask(this.nextSleep)) === 0) {
      injectFuture(this.nodes, this.events, start, x, this.lastOf, hit.future);
      this.tail = hit.future;
      this.tailCounts = hit.below;
      this.ended = 'cached';
      return 'stop';
    }
    const prev = x > start ? this.events[x - 1]! : null;
    const node: Node = {
      block,
      enabled: ready,
      backtrack: new Set(),
      done: new Map(),
      sleep: this.nextSleep,
      cur: -1,
      pre: prev ? this.nodes[x - 1]!.pre + this.cost(this.nodes[x - 1]!, prev.cpu) : 0,
      last: prev ? prev.cpu : -1,
      key,
      future: new Map(),
      loop: false,
      counts: { ...r.counts },
      below: {},
    };
    let cands = ready.filter((c) => !node.sleep.has(c));
    const bound = this.opts.preemptions;
    if (bound !== undefined) cands = cands.filter((c) => node.pre + this.cost(node, c) <= bound);
    if (cands.length === 0) {
      this.ended = 'sleep';
      return 'stop';
    }
    node.cur = cands.includes(node.last) ? node.last : cands[0]!;
    if (this.opts.reduction === 'sleep' || bound !== undefined)
      cands.forEach((c) => node.backtrack.add(c));
    else node.backtrack.add(node.cur);
    this.nodes.push(node);
    return node.cur;
  }

  /** One preemption: leaving a CPU that could have gone on. */
  private cost(node: Node, c: number): number {
    return node.last >= 0 && c !== node.last && node.enabled.includes(node.last) ? 1 : 0;
  }

  private before(cpu: number, parallel: boolean): void {
    if (!parallel || this.pos < this.replayTo) return;
    this.viol = [];
    const l = this.runner!.requests()[cpu]?.lock;
    const id = l ? (l.lock as unknown as { [OID]?: number })[OID] : undefined;
    this.req = l && id !== undefined ? { lock: id, mode: l.mode, shared: l.shared } : null;
    this.fp = newFootprint();
    this.fp.cpu = cpu;
    recordInto(this.fp);
  }

  private after(cpu: number, parallel: boolean): void {
    recordInto(null);
    this.tracking.adoptPending();
    if (!parallel) return;
    const x = this.pos++;
    const ev = x < this.events.length ? this.events[x]! : this.record(cpu);
    this.index.add(cpu, x, ev.fp);
    this.lastOf[cpu] = x;
    this.order.update(cpu, ev.fp);
    this.obs[cpu] = mix(this.obs[cpu]!, ev.fp.obs);
    if (x < this.replayTo) return;
    const node = this.nodes[x]!;
    const next = new Map<number, Footprint>();
    for (const src of [node.sleep, node.done])
      for (const [c, f] of src) if (c !== node.cur && !dependent(f, ev.fp)) next.set(c, f);
    this.nextSleep = next;
    for (const v of ev.viol ?? [])
      this.found(v, scheduleTo(this.events, this.blockStart, this.pos, x));
  }

  /** A checkpoint keeps a CPU's observations; a rewind (the lock dance's restart) goes back. */
  private mark(cpu: number, kind: 'checkpoint' | 'rewind', label: string): void {
    const k = `${cpu}:${label}`;
    if (kind === 'checkpoint') this.marks.set(k, this.obs[cpu]!);
    else {
      const o = this.marks.get(k);
      if (o !== undefined) this.obs[cpu] = o;
    }
  }

  /** The event just run, with its dependencies and clock. */
  private record(cpu: number): Ev {
    const fp = this.fp ?? newFootprint();
    this.fp = null;
    lockMeaning(fp, this.tracking, (id, op) =>
      op === 'acq'
        ? LOCK_ORDER_COMMUTES && this.req?.lock === id && this.order.commutes(cpu, id)
        : op !== 'both',
    );
    const place = placeStep(this.events, this.index, this.lastOf, this.cpus, cpu, fp);
    let locks: Map<number, LockSnap> | null = null;
    for (const id of fp.locks?.keys() ?? []) {
      locks ??= new Map();
      locks.set(id, this.tracking.lockState(id));
    }
    const ev: Ev = {
      cpu,
      block: this.block,
      fp,
      ...place,
      req: this.req,
      locks,
      viol: this.viol.length > 0 ? this.viol : null,
    };
    this.viol = [];
    if (Dpor.debug) {
      const st = this.runner!.steps[this.runner!.steps.length - 1];
      (ev as Ev & { what?: string }).what = st ? `${st.fn}:${st.line}` : '?';
    }
    this.events.push(ev);
    return ev;
  }

  private onViolation(v: Violation): void {
    if (this.opts.kind !== undefined && v.kind !== this.opts.kind) return;
    if (this.fp) {
      this.viol.push(v);
      return;
    }
    if (this.pos < this.replayTo) return;
    // after a block's end (whole-state checks, a later sequential op) or a deadlock: every step
    // of the blocks so far is needed
    const all = this.blockStart.map((start, b) =>
      this.events.slice(start, this.blockStart[b + 1] ?? this.pos).map((e) => e.cpu),
    );
    this.found(v, all);
  }

  private found(v: Violation, schedules: number[][]): void {
    const length = schedules.reduce((n, s) => n + s.length, 0);
    const best = this.out.found;
    if (!best || length < best.length) this.out.found = { violation: v, schedules, length };
  }

  private budget(): boolean {
    if (this.out.stopped) return true;
    if (this.out.states >= this.opts.maxStates) this.out.stopped = 'max-states';
    else if ((++this.calls & 63) === 0) {
      const now = performance.now();
      const mem = this.opts.maxMemory;
      if (now >= this.opts.deadline) this.out.stopped = 'max-seconds';
      else if (mem && (this.calls & 4095) === 0 && mem.used() > mem.bytes)
        this.out.stopped = 'max-memory';
      else if (now >= this.nextReport && this.opts.progress) {
        this.nextReport = now + this.opts.progressMs;
        if (!this.opts.progress(this.progress())) this.out.stopped = 'cancelled';
      }
    }
    return this.out.stopped !== null;
  }

  progress(): SearchProgress {
    const o = this.out;
    return {
      states: o.states,
      runs: o.runs,
      redundant: o.redundant + o.cached,
      steps: o.steps,
      elapsedMs: performance.now() - this.t0,
      found: o.found !== null,
    };
  }

  // --- between runs ----------------------------------------------------------------------
  /** Reverse every race whose later step is new in this run (older pairs were done before). */
  private races(): void {
    const evs = this.events;
    const at = { nodes: this.nodes, evs, blockLocks: this.blockLocks, blockStart: this.blockStart };
    for (let j = this.replayTo; j < evs.length; j++) racesOf(at, evs[j]!, j);
    for (const v of this.virtual) racesOf(at, v, evs.length);
  }

  /** A run that ended with CPUs waiting for locks (a deadlock): their steps race too. */
  private waiting(): void {
    this.virtual = [];
    if (this.block < 0) return;
    for (const q of this.runner!.requests()) {
      if (q.done || !q.lock) continue;
      const v = waitingStep(
        this.tracking,
        q.cpu,
        q.lock,
        this.block,
        (fp) => placeStep(this.events, this.index, this.lastOf, this.cpus, q.cpu, fp),
        (id) => LOCK_ORDER_COMMUTES && this.order.commutes(q.cpu, id),
      );
      if (!v) continue;
      this.virtual.push(v);
      addStep(this.tail as Future, q.cpu, v.fp);
    }
  }

  /**
   * The deepest point with a CPU left to try: the next run branches there. Points left behind
   * are finished: what happened below them goes up to their parent, and into the cache.
   */
  private backtrack(): boolean {
    const nodes = this.nodes;
    const evs = this.events;
    this.virtual = [];
    let below = this.tail;
    nodes.length = Math.min(nodes.length, evs.length);
    for (let x = nodes.length - 1; x >= 0; x--) {
      const n = nodes[x]!;
      const e = evs[x]!;
      addStep(n.future, e.cpu, e.fp);
      addFuture(n.future, below);
      n.done.set(n.cur, e.fp);
      const next = [...n.backtrack].find(
        (c) => !n.done.has(c) && !n.sleep.has(c) && n.enabled.includes(c),
      );
      nodes.length = x + 1;
      evs.length = x;
      if (next !== undefined) {
        n.cur = next;
        this.replayTo = x;
        return true;
      }
      if (
        !n.loop &&
        this.cache.size < this.opts.maxCached &&
        this.interner.size < this.opts.maxCachedLocs
      )
        this.cache.set(n.key, {
          sleep: sleepMask(n.sleep),
          future: this.interner.freeze(n.future),
          below: n.below,
        });
      below = n.future;
      nodes.length = x;
    }
    return false;
  }
}
