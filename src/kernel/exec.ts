// How an operation runs: a generator that *announces* each micro-step (yield) and then performs
// it (the code up to the next yield). The runner decides which CPU's announced step goes next,
// so everything between two yields is one atomic micro-step.
import type { ViolationKind } from './trace';
import type { Flags } from './flags';
import type { AnonVma, Avc, Lock, Mode, State, Vma } from './state';

export interface LockRequest {
  lock: Lock;
  mode: Mode;
  /** the anon_vma the lock lives in, or null for a page lock */
  av: AnonVma | null;
  /** trace id of the lock's owner object (`av3`, `mmap_lock:P`, `vm_lock:P:0`, `page:7`; lockOwner.ts) */
  owner: string;
  /** readers may share it (rwsem, mmap_sem) */
  shared: boolean;
  /** a per-VMA lock's VMA: its id (and so the owner's) follows vm_start while a CPU waits */
  vma?: Vma;
}

export interface Announce {
  fn: string;
  line: string;
  text: string;
  lock?: LockRequest;
  /**
   * What the step is about, by identity, when its text may not say it: a walker's next VMA is
   * named by its start, and a split can leave two VMAs with one name. The full search's merge
   * key (Runner.historyKey) reads it; nothing else does.
   */
  about?: string;
}

export type Gen<T = void> = Generator<Announce, T, void>;

/** Receives what the current micro-step did (the runner's step record). */
export interface Sink {
  note(text: string): void;
  /**
   * Words the current step again: a step may wait while other CPUs rename what it names (a VMA
   * is named by its start), and the trace should read as the state was when it ran.
   */
  retext(text: string): void;
  touch(id: string): void;
  lockEvent(kind: 'acquire' | 'release' | 'trylock-fail', owner: string, mode: Mode): void;
  violation(kind: ViolationKind, message: string, objects: string[]): void;
  /** counts lock-dance restarts and similar per-replay metrics */
  count(metric: string): void;
  /**
   * Save / restore this CPU's history at a point where its locals are known (a walk's
   * start): a walker that restarts is back in the same state, so explore can merge it.
   */
  checkpoint(label: string): void;
  rewind(label: string): void;
}

/** A CPU as the view is built from it (viewState.ts). */
export interface CpuRun {
  cpu: number;
  waitingFor: string | null;
  waitingMode?: Mode;
  done: boolean;
  /** owner ids of the page locks it holds */
  pageLocks: string[];
  /** the AVC its rmap walk visits now */
  visiting: Avc | null;
}

/** The per-CPU execution context handed to every kernel function. */
export class K {
  readonly s: State;
  readonly f: Flags;
  readonly cpu: number;
  readonly out: Sink;
  /**
   * Where this CPU's rmap walk is: the AVC (the VMA on the walked anon_vma's list) it visits now,
   * from its visit step until the next visit or the walk's end. The page draws the walker there.
   */
  visiting: Avc | null = null;
  /**
   * Page locks this CPU holds, by owner id (`page:7`). An anon_vma, mmap or per-VMA lock is found
   * from the state; a page lock is not (the page may be unmapped, or not mapped yet).
   */
  readonly pageLocks = new Map<string, Lock>();
  constructor(s: State, cpu: number, out: Sink) {
    this.s = s;
    this.f = s.flags;
    this.cpu = cpu;
    this.out = out;
  }
  note(text: string): void {
    this.out.note(text);
  }
  touch(id: string): void {
    this.out.touch(id);
  }
  violation(kind: ViolationKind, message: string, objects: string[]): void {
    this.out.violation(kind, message, objects);
  }
}

export function step(fn: string, line: string, text: string, about?: string): Announce {
  return about === undefined ? { fn, line, text } : { fn, line, text, about };
}

/** Thrown for a fault in the scenario that the kernel would answer with an error (SIGSEGV, ENOMEM…). */
export class OpError extends Error {
  readonly field: string | null;
  constructor(message: string, field: string | null = null) {
    super(message);
    this.name = 'OpError';
    this.field = field;
  }
}
