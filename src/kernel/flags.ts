// Eras are presets of feature flags on one model (DESIGN.md, "Eras and patches").
// Every flag can also be switched alone, on top of an era, from a scenario or `--flag`.

export type LockKind = 'spinlock' | 'mutex' | 'rwsem';

export interface Flags {
  /** anon_vma_chain exists (2.6.34+). Without it (2.6.33) one anon_vma lists the family's VMAs. */
  avc: boolean;
  /** patch 3/5: anon_vma->root exists, set at prepare and fork */
  trackRoot: boolean;
  /** patch 4/5: every anon_vma lock is taken on anon_vma->root */
  rootLock: boolean;
  /**
   * when vma_adjust takes the anon_vma (root) lock: never (2.6.34), when start moves / a VMA
   * is inserted / an importer exists (2.6.36), when start moves / an importer exists (3.0:
   * `start-or-importer`), whenever the VMA has an anon_vma (3.7+, the tree must be re-keyed)
   */
  adjustLock: 'none' | 'conditional' | 'start-or-importer' | 'always';
  /** Linus 2010-05-05: lock the page's anon_vma, find the tail of a VMA's chain, lock that */
  lockDeepest: boolean;
  /** Mel's proposal: the walker trylocks every other VMA's anon_vma and restarts on failure */
  lockDance: boolean;
  /** the 2014 alternative: past this chain length a fork shares the parent's anon_vma */
  chainLimit?: number;
  /** patch 5/5: a child anon_vma holds a reference on its root from fork until it is freed */
  pinRoot: boolean;
  /** patch 6/5: mm_take_all_locks marks and locks the root */
  allLocksMarkRoot: boolean;
  /** how a KSM/migration reference is dropped */
  ksmDrop: 'dec-and-lock' | 'dec-then-lock';
  lockKind: LockKind;
  /** what an rmap walk takes */
  rmapWalkLock: 'exclusive' | 'read' | 'none';
  /** same_anon_vma as a list or an interval tree */
  tree: 'list' | 'interval';
  /** anon_vma reuse in anon_vma_clone */
  reuse: 'none' | 'degree' | 'num_children';
  /** 26ba0cb63cb8: anon_vma_prepare adds at the tail of the anon_vma list (E1 added at the head) */
  tailInsert: boolean;
  /** which reference count exists: ksm_refcount, external_refcount, or refcount (list ref = 1) */
  refcount: 'ksm' | 'external' | 'refcount';
  /** 3.0: clone/unlink batch one root lock over the whole chain; unlink is two-pass */
  batchLock: boolean;
  /** 624483f3ea82 (3.16): __put_anon_vma frees the child before dropping the root */
  childFirstFree: boolean;
  /**
   * 38a76013ad80 (3.7): when copy_vma merged the moved range into a VMA a walk may visit before
   * the source (its vm_pgoff is not above the source's), move_page_tables holds the anon_vma
   * (root) lock around the moves (need_rmap_locks)
   */
  moveRmapLocks: boolean;
  /**
   * f18194275c39 (2.6.36-rc3): page_lock_anon_vma reads anon_vma->root once, locks it, and gives
   * up when the page is no longer mapped (its anon_vma may have been freed and reused, §8.6)
   */
  lockRecheck: boolean;
  /**
   * The 2023 stack-expansion rework (in 6.1 stable since 6.1.37): growing a stack takes mmap_lock
   * for write, so it no longer runs beside page faults; before, expand_stack ran under the read
   * lock taken by the fault
   */
  expandWrite: boolean;
  /**
   * The mmap locking API of 5.8 (Michel Lespinasse, "mmap locking API: rename mmap_sem to
   * mmap_lock"): the semaphore is `mmap_lock`, taken through mmap_read_lock / mmap_write_lock.
   * Only names change; off, steps say down_read(mmap_sem) as the 2.6 and 3.x kernels did
   */
  mmapLock: boolean;
  /**
   * munmap drops to the read lock once the VMAs are detached (4.20, Yang Shi, "mm: mmap: zap
   * pages with read mmap_sem in munmap"): zap and unlink_anon_vmas run under mmap_lock for read.
   * 6.1 keeps the write lock when the next VMA grows down (`unless-stack`); 6.12 always drops it
   */
  munmapDowngrade: 'never' | 'unless-stack' | 'always';
  /**
   * Per-VMA locks (6.4, Suren Baghdasaryan's "Per-VMA locks"): a page fault read-locks just its
   * VMA (lock_vma_under_rcu) and falls back to mmap_lock when it cannot; every writer of a VMA
   * write-locks it (vma_start_write) until it drops or downgrades mmap_lock
   */
  perVmaLock: boolean;
  /**
   * 6.12's VMA code (mm/vma.c): vma_adjust is gone; a change is vma_prepare (locks,
   * tree pre-update), the writes (commit_merge, __split_vma, vma_expand), then vma_complete
   * (tree post-update, unlock, removals); merges go through vma_merge_existing_range /
   * vma_merge_new_range and dup_anon_vma. Same locks as 6.1's __vma_adjust, other functions
   */
  mergeRewrite: boolean;
  /**
   * anon_vma_chain_link is split (6.12.113 stable, "mm/rmap: allocate anon_vma_chain objects
   * unlocked when possible"): anon_vma_chain_assign puts the AVC on the VMA's same_vma list and
   * the interval-tree insert is a call of its own; anon_vma_fork assigns before it takes the
   * root lock and inserts under it
   */
  chainAssign: boolean;
  /**
   * Folios (5.16, Matthew Wilcox's "Memory folios"): migration locks and walks a folio
   * (folio_lock, folio_get_anon_vma, folio_anon_vma, try_to_migrate). Only names change
   */
  folios: boolean;
}

export const ERA_IDS = [
  '2.6.33',
  '2.6.34',
  '2.6.35',
  '2.6.36',
  '3.0',
  '3.8',
  '3.19',
  '6.1',
  '6.12',
] as const;
export type EraId = (typeof ERA_IDS)[number];

const E1: Flags = {
  avc: true,
  trackRoot: false,
  rootLock: false,
  adjustLock: 'none',
  lockDeepest: false,
  lockDance: false,
  pinRoot: false,
  allLocksMarkRoot: false,
  ksmDrop: 'dec-and-lock',
  lockKind: 'spinlock',
  rmapWalkLock: 'exclusive',
  tree: 'list',
  reuse: 'none',
  tailInsert: false,
  refcount: 'ksm',
  batchLock: false,
  childFirstFree: false,
  moveRmapLocks: false,
  lockRecheck: false,
  expandWrite: false,
  mmapLock: false,
  munmapDowngrade: 'never',
  perVmaLock: false,
  mergeRewrite: false,
  chainAssign: false,
  folios: false,
};
const E2: Flags = {
  ...E1,
  trackRoot: true,
  rootLock: true,
  adjustLock: 'conditional',
  pinRoot: true,
  allLocksMarkRoot: true,
  tailInsert: true,
  refcount: 'external',
  lockRecheck: true,
};
const E3a: Flags = {
  ...E2,
  lockKind: 'mutex',
  refcount: 'refcount',
  batchLock: true,
  adjustLock: 'start-or-importer',
};
const E3b: Flags = {
  ...E3a,
  lockKind: 'rwsem',
  rmapWalkLock: 'read',
  tree: 'interval',
  adjustLock: 'always',
  moveRmapLocks: true,
};
const E4: Flags = { ...E3b, reuse: 'degree', childFirstFree: true };
const E5: Flags = {
  ...E4,
  reuse: 'num_children',
  expandWrite: true,
  mmapLock: true,
  munmapDowngrade: 'unless-stack',
  folios: true,
};

export const ERAS: Record<EraId, Readonly<Flags>> = {
  '2.6.33': { ...E1, avc: false, adjustLock: 'conditional', tailInsert: true },
  '2.6.34': E1,
  '2.6.35': { ...E1, refcount: 'external' },
  '2.6.36': E2,
  '3.0': E3a,
  '3.8': E3b,
  '3.19': E4,
  '6.1': E5,
  '6.12': {
    ...E5,
    munmapDowngrade: 'always',
    perVmaLock: true,
    mergeRewrite: true,
    chainAssign: true,
  },
};

/** One line per era for pickers and `--help`. */
export const ERA_TITLES: Record<EraId, string> = {
  '2.6.33': 'one anon_vma per family, one VMA list, one lock',
  '2.6.34': 'anon_vma_chain, a lock in every anon_vma',
  '2.6.35': '2.6.34 plus migration’s external refcount',
  '2.6.36': 'root tracked, root always locked, root pinned',
  '3.0': 'root lock becomes a mutex; batched clone/unlink',
  '3.8': 'rwsem (walks read-lock); interval tree',
  '3.19': 'anon_vma reuse through degree',
  '6.1': 'num_children / num_active_vmas',
  '6.12': 'per-VMA locks on faults; mm/vma.c merges',
};

export function isEraId(s: unknown): s is EraId {
  return typeof s === 'string' && (ERA_IDS as readonly string[]).includes(s);
}

type FlagSpec = { kind: 'bool' } | { kind: 'enum'; values: readonly string[] } | { kind: 'count' };

export const FLAG_SPECS: Record<keyof Flags, FlagSpec> = {
  avc: { kind: 'bool' },
  trackRoot: { kind: 'bool' },
  rootLock: { kind: 'bool' },
  adjustLock: { kind: 'enum', values: ['none', 'conditional', 'start-or-importer', 'always'] },
  lockDeepest: { kind: 'bool' },
  lockDance: { kind: 'bool' },
  chainLimit: { kind: 'count' },
  pinRoot: { kind: 'bool' },
  allLocksMarkRoot: { kind: 'bool' },
  ksmDrop: { kind: 'enum', values: ['dec-and-lock', 'dec-then-lock'] },
  lockKind: { kind: 'enum', values: ['spinlock', 'mutex', 'rwsem'] },
  rmapWalkLock: { kind: 'enum', values: ['exclusive', 'read', 'none'] },
  tree: { kind: 'enum', values: ['list', 'interval'] },
  reuse: { kind: 'enum', values: ['none', 'degree', 'num_children'] },
  tailInsert: { kind: 'bool' },
  refcount: { kind: 'enum', values: ['ksm', 'external', 'refcount'] },
  batchLock: { kind: 'bool' },
  childFirstFree: { kind: 'bool' },
  moveRmapLocks: { kind: 'bool' },
  lockRecheck: { kind: 'bool' },
  expandWrite: { kind: 'bool' },
  mmapLock: { kind: 'bool' },
  munmapDowngrade: { kind: 'enum', values: ['never', 'unless-stack', 'always'] },
  perVmaLock: { kind: 'bool' },
  mergeRewrite: { kind: 'bool' },
  chainAssign: { kind: 'bool' },
  folios: { kind: 'bool' },
};

export const FLAG_NAMES = Object.keys(FLAG_SPECS) as (keyof Flags)[];

export function isFlagName(s: string): s is keyof Flags {
  return Object.prototype.hasOwnProperty.call(FLAG_SPECS, s);
}

/**
 * Checks one flag value (from JSON, or from a `--flag name=value` string when `fromText`).
 * Returns the typed value or an error sentence.
 */
export function checkFlagValue(
  name: keyof Flags,
  raw: unknown,
  fromText = false,
): { ok: true; value: Flags[keyof Flags] } | { ok: false; error: string } {
  const spec = FLAG_SPECS[name];
  let v = raw;
  if (fromText && typeof raw === 'string') {
    if (spec.kind === 'bool' && (raw === 'true' || raw === 'false')) v = raw === 'true';
    if (spec.kind === 'count' && /^\d+$/.test(raw)) v = Number(raw);
  }
  switch (spec.kind) {
    case 'bool':
      return typeof v === 'boolean'
        ? { ok: true, value: v }
        : { ok: false, error: `flag ${name} must be true or false` };
    case 'count':
      return typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 64
        ? { ok: true, value: v }
        : { ok: false, error: `flag ${name} must be an integer from 1 to 64` };
    case 'enum':
      return typeof v === 'string' && spec.values.includes(v)
        ? { ok: true, value: v as Flags[keyof Flags] }
        : { ok: false, error: `flag ${name} must be one of ${spec.values.join(', ')}` };
  }
}

export function resolveFlags(era: EraId, overrides: Partial<Flags> = {}): Flags {
  const out: Flags = { ...ERAS[era] };
  for (const name of FLAG_NAMES) {
    const v = overrides[name];
    if (v !== undefined) (out as unknown as Record<string, unknown>)[name] = v;
  }
  return out;
}
