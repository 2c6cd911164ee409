// The trace a replay produces: one record per micro-step, plus the violations pinned to steps.
// The UI moves a cursor over `steps`; the state at a cursor is rebuilt by Replay.stateAt().
import type { EraId, Flags } from './flags';

export type ViolationKind =
  | 'rmap-miss'
  | 'migration-entry-left'
  | 'use-after-free'
  | 'double-free'
  | 'deadlock'
  | 'unlocked-write'
  | 'root-not-last'
  | 'list-corrupt';

/** Contract 3. `step` is the 1-based index of the micro-step after which it was seen. */
export interface Violation {
  kind: ViolationKind;
  step: number;
  message: string;
  objects: string[];
}

export type LockEventKind = 'acquire' | 'release' | 'trylock-fail';

/**
 * A lock event. `owner` is the object the lock lives in (built and parsed in lockOwner.ts): an
 * anon_vma trace id (`av0`), `mmap_sem:PID` (`mmap_lock:PID` from 5.8), `vm_lock:PID:START` (a
 * per-VMA lock, 6.4 on) or `page:PFN` (the page lock held across a migration).
 */
export interface LockEvent {
  kind: LockEventKind;
  owner: string;
  mode: 'w' | 'r';
}

/** One micro-step. `line` is a pseudo-code line id within `fn` (see pseudocode.ts). */
export interface Step {
  /** 0-based CPU that took the step. Ops outside `parallel` run on cpu 0. */
  cpu: number;
  /** Index of the top-level scenario op this step belongs to. */
  op: number;
  /** For a step inside a `parallel` block: [thread, op index within the thread]. */
  threadOp?: [number, number];
  /** Kernel function the step belongs to, e.g. `anon_vma_fork`. */
  fn: string;
  /** Pseudo-code line id within `fn`. */
  line: string;
  /** What happened, in plain words (computed values included). */
  text: string;
  lock?: LockEvent;
  /** Trace ids of the objects this step changed or read (anon_vmas, `pid:start` VMAs, AVCs, pages). */
  touched: string[];
}

export interface CpuStatus {
  cpu: number;
  /** Lock (anon_vma trace id) this CPU waits for, if any. */
  waitingFor?: string;
  done: boolean;
}

/** The result of replaying a scenario (see replay.ts). */
export interface ReplayResult<Forest, View> {
  era: EraId;
  /** the flags the model ran with: the era's preset, the file's flags, then the overrides */
  flags: Flags;
  steps: Step[];
  violations: Violation[];
  /** opStarts[i]: number of steps taken before top-level op i began. */
  opStarts: number[];
  /** Set when the model could not go on (a deadlock): the replay stopped there. */
  stopped: string | null;
  /** The state after the first n micro-steps, 0 <= n <= steps.length. */
  stateAt(n: number): View;
  /** Contract 2 snapshot of the final state. */
  forest(): Forest;
}
