// What the page draws at one cursor position: the model state with trace ids (Contract 4).
// Plain, JSON-safe data; the page never sees the model's mutable objects.
import type { EraId, Flags } from './flags';

export interface ViewVma {
  /** `pid:start` */
  id: string;
  pid: string;
  start: number;
  end: number;
  pgoff: number;
  prot: 'r' | 'rw';
  growsdown: boolean;
  /** trace id of vma->anon_vma, or null */
  anonVma: string | null;
  /** same_vma list head first (anon_vma trace ids); in 2.6.33, which has no chains, just vma->anon_vma */
  chain: string[];
  /**
   * CPUs holding its per-VMA lock (6.4 on): a writer (`w`) or faulting readers (`r`); absent
   * when free
   */
  lockedBy?: number[];
  lockMode?: 'w' | 'r';
  /** CPUs waiting for its per-VMA lock (a writer waits for the readers to leave); absent when none */
  waiting?: number[];
  /** CPUs whose rmap walk is visiting this VMA now; absent when none */
  visitedBy?: number[];
}

export interface ViewProcess {
  pid: string;
  parent: string | null;
  vmas: ViewVma[];
  /** CPUs holding its mmap_sem / mmap_lock and the mode; absent when free */
  lockedBy?: number[];
  lockMode?: 'w' | 'r';
  /** CPUs waiting for its mmap_sem / mmap_lock; absent when none */
  waiting?: number[];
}

export interface ViewAnonVma {
  /** trace id `avN`, stable for the object's life */
  id: string;
  root?: string;
  parent?: string;
  refcount: number;
  degree?: number;
  num_children?: number;
  num_active_vmas?: number;
  /** same_anon_vma list / interval tree in order: VMA ids (`pid:start`) */
  tree: string[];
  /** CPUs holding its lock (several readers of an rwsem) */
  lockedBy: number[];
  lockMode: 'w' | 'r' | null;
  waiting: number[];
  /** KSM / migration references named by the scenario */
  refs: string[];
  /** times its memory was handed out again after a free (SLAB_DESTROY_BY_RCU); absent when 0 */
  reused?: number;
  /** CPUs reading it under rcu_read_lock only, with no reference; absent when 0 */
  rcuReaders?: number;
}

export interface ViewPage {
  /** `pid:addr` (the page-table entry) */
  id: string;
  pid: string;
  addr: number;
  /** physical page number in the model, shared by all PTEs that map the same page */
  page: number;
  anonVma: string | null;
  migration: boolean;
  /** CPUs holding the page's lock (a migration, 2.6+); absent when free */
  lockedBy?: number[];
  /** CPUs waiting for the page's lock (a fault on a migration entry); absent when none */
  waiting?: number[];
}

/** A lock a CPU holds: its owner (lock owner id, ids.ts: `av0`, `mmap_sem:P`, `page:7`…) and mode. */
export interface ViewHeldLock {
  owner: string;
  mode: 'w' | 'r';
}

/** One CPU of the running op or parallel block: what it holds, waits for and walks. */
export interface ViewCpu {
  cpu: number;
  /** the lock (owner id) this CPU waits for, or null */
  waitingFor: string | null;
  /** the mode it asks that lock in; absent when it waits for none */
  waitingMode?: 'w' | 'r';
  done: boolean;
  /** the locks it holds: mmap locks, per-VMA locks, page locks, anon_vma locks, in that order */
  holds: ViewHeldLock[];
  /**
   * Where its rmap walk is: the VMA (`pid:start`) it visits and the AVC (`pid:start/avN`, the
   * entry of the walked list) it reached it by; absent when it walks nothing
   */
  visiting?: { vma: string; avc: string };
}

export interface ViewState {
  era: EraId;
  /**
   * The flags the model ran with (the era's preset with the file's flags and every override on
   * top). What the page draws depends on them, never on the era's preset alone.
   */
  flags: Flags;
  processes: ViewProcess[];
  anonVmas: ViewAnonVma[];
  pages: ViewPage[];
  cpus: ViewCpu[];
}
