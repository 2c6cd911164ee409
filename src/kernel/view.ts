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
  cpus: { cpu: number; waitingFor: string | null; done: boolean }[];
}
