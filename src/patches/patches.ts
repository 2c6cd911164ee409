// Every flag of the model as a named patch or proposal: what it switches, in plain words, and the
// lkml message or commit it comes from. The "Patches & flags" panel renders this as text.
import type { Flags } from '../kernel/flags';
import { CITES } from './citations';
import type { Citation } from './citations';

export type PatchGroup = 'series-2010' | 'proposals' | 'structural';

export const GROUP_TITLES: Record<PatchGroup, string> = {
  'series-2010': 'The 2010 series: always lock the root anon_vma',
  proposals: 'Other proposals from the threads',
  structural: 'Structure of each era',
};

export interface PatchInfo {
  flag: keyof Flags;
  group: PatchGroup;
  /** human name, e.g. "track the root" */
  name: string;
  /** the patch's place in its series, e.g. "3/5" */
  tag?: string;
  /** what switching it does, one or two sentences */
  summary: string;
  /** for enums: each value in words */
  values?: Readonly<Record<string, string>>;
  cites: readonly Citation[];
}

export const PATCHES: readonly PatchInfo[] = [
  {
    flag: 'trackRoot',
    group: 'series-2010',
    tag: '3/5',
    name: 'track the root anon_vma',
    summary:
      'anon_vma->root exists: set to itself by anon_vma_prepare and inherited from the parent by anon_vma_fork.',
    cites: [CITES.trackRoot, CITES.trackRootMerged],
  },
  {
    flag: 'rootLock',
    group: 'series-2010',
    tag: '4/5',
    name: 'always lock the root',
    summary:
      'Every anon_vma lock is taken on anon_vma->root, so one lock covers a whole family and a walker excludes every writer.',
    cites: [CITES.seriesCover, CITES.rootLockMerged],
  },
  {
    flag: 'adjustLock',
    group: 'series-2010',
    tag: '4/5',
    name: 'vma_adjust takes the (root) lock',
    summary:
      'When vma_adjust locks while it rewrites vm_start, vm_end and vm_pgoff. Patch 4/5 v1 locked always; v2 (merged) only when the start moves, a VMA is inserted or an importer exists, so brk stays cheap.',
    values: {
      none: 'never (2.6.34: the race with migration Mel found)',
      conditional: '4/5 v2, merged in 2.6.36: start moves, insert or importer',
      'start-or-importer': '3.0: start moves or an importer exists',
      always: '4/5 v1; again from 3.7, where the interval tree must be re-keyed',
    },
    cites: [CITES.rootLockV2, CITES.rootLockMerged],
  },
  {
    flag: 'pinRoot',
    group: 'series-2010',
    tag: '5/5',
    name: 'pin the root with a refcount',
    summary:
      'A child anon_vma holds a reference on its root from fork until it is freed, so the root (and its lock) outlives every anon_vma naming it.',
    cites: [CITES.seriesCover, CITES.pinRootMerged],
  },
  {
    flag: 'allLocksMarkRoot',
    group: 'series-2010',
    tag: '6/5',
    name: 'mm_take_all_locks marks the root',
    summary:
      'mm_take_all_locks tests and sets its mark on the root it locks, so a root shared by several anon_vmas of one mm is taken once instead of deadlocking.',
    cites: [CITES.allLocks, CITES.rootLockMerged],
  },
  {
    flag: 'tailInsert',
    group: 'series-2010',
    name: 'add new VMAs at the tail',
    summary:
      'anon_vma_prepare adds a VMA at the tail of the anon_vma list, so an rmap walk never misses a VMA whose page-table entries were copied from one it already visited.',
    cites: [CITES.tailInsert],
  },
  {
    flag: 'lockRecheck',
    group: 'series-2010',
    name: 'page_lock_anon_vma re-checks the page',
    summary:
      'Reclaim reads the root once, locks it, and gives up when the page is no longer mapped: its anon_vma may have been freed and reused by another family, whose root the unlock would otherwise read (2.6.36-rc3).',
    cites: [CITES.lockRecheck],
  },
  {
    flag: 'lockDeepest',
    group: 'proposals',
    name: 'lock the deepest anon_vma (Linus)',
    summary:
      "No root pointer: lock the page's anon_vma, follow a VMA on it to the tail of its chain and lock that one instead.",
    cites: [CITES.lockDeepest],
  },
  {
    flag: 'lockDance',
    group: 'proposals',
    name: 'trylock-and-retry lock dance (Mel)',
    summary:
      "The walker trylocks every other VMA's anon_vma and restarts from scratch when one is busy: no deadlock, but it can livelock.",
    cites: [CITES.lockDance],
  },
  {
    flag: 'rmapWalkLock',
    group: 'proposals',
    name: 'what an rmap walk locks',
    summary:
      'The lock a migration walk takes. The 2012 RFC proposed none; Linus objected, and 3.8 let walkers share an rwsem for read.',
    values: {
      exclusive: 'the (root) lock, exclusively',
      read: 'the root rwsem for read (3.8 on)',
      none: 'nothing: the 2012 RFC',
    },
    cites: [CITES.locklessWalk, CITES.rwsem],
  },
  {
    flag: 'chainLimit',
    group: 'proposals',
    name: 'cap the chain length (2014)',
    summary:
      "Past this chain length a fork shares the parent's anon_vma instead of adding a level: the fixed-constant alternative to anon_vma reuse. Empty: no cap.",
    cites: [CITES.chainCap],
  },
  {
    flag: 'avc',
    group: 'structural',
    name: 'anon_vma_chain',
    summary:
      'VMAs and anon_vmas are linked many-to-many through anon_vma_chain (2.6.34). Off: one anon_vma per family with one list of VMAs.',
    cites: [CITES.anonVmaChain],
  },
  {
    flag: 'lockKind',
    group: 'structural',
    name: 'kind of anon_vma lock',
    summary: 'What the anon_vma lock is: a spinlock, a mutex (3.0) or an rwsem (3.8).',
    values: {
      spinlock: 'spinlock (2.6.x)',
      mutex: 'mutex (3.0)',
      rwsem: 'rw_semaphore: walkers read, writers write (3.8)',
    },
    cites: [CITES.mutex, CITES.rwsem],
  },
  {
    flag: 'tree',
    group: 'structural',
    name: 'same_anon_vma as a list or a tree',
    summary:
      "An anon_vma's AVCs on a list, or in an interval tree keyed by each VMA's pgoff range (3.7).",
    values: { list: 'linked list', interval: 'interval tree (3.7 on)' },
    cites: [CITES.intervalTree],
  },
  {
    flag: 'reuse',
    group: 'structural',
    name: 'anon_vma reuse at fork',
    summary:
      'anon_vma_clone reuses an old anon_vma that has no VMA and at most one child, which bounds the hierarchy (3.19); 6.1 counts children and active VMAs apart.',
    values: {
      none: 'never: every fork adds a level (endless growth)',
      degree: 'through degree (3.19)',
      num_children: 'through num_children / num_active_vmas (6.0)',
    },
    cites: [CITES.reuseDegree, CITES.reuseNumChildren],
  },
  {
    flag: 'refcount',
    group: 'structural',
    name: 'reference count',
    summary: 'Which count keeps an anon_vma alive besides its list.',
    values: {
      ksm: 'ksm_refcount (2.6.34)',
      external: 'external_refcount, shared by KSM and migration (2.6.35)',
      refcount: 'one refcount, the list holding 1 (from 2.6.38)',
    },
    cites: [CITES.externalRefcount, CITES.simpleRefcount],
  },
  {
    flag: 'batchLock',
    group: 'structural',
    name: 'batch the root lock in clone and unlink',
    summary:
      'anon_vma_clone and unlink_anon_vmas take the root lock once for the whole chain; unlink becomes two-pass (3.0).',
    cites: [CITES.batchLock],
  },
  {
    flag: 'childFirstFree',
    group: 'structural',
    name: '__put_anon_vma frees the child first',
    summary:
      'The child anon_vma is freed before the reference on its root is dropped, so freeing never reads a freed root (3.16).',
    cites: [CITES.childFirstFree],
  },
  {
    flag: 'moveRmapLocks',
    group: 'structural',
    name: 'mremap locks when the destination comes first',
    summary:
      'When mremap merges the moved range into a VMA that an rmap walk may visit before the source (its pgoff is not above the source’s), the page-table moves hold the anon_vma lock (3.7). Off: the moves never lock, and only list order protects a walk (§8.10).',
    cites: [CITES.moveRmapLocks],
  },
  {
    flag: 'expandWrite',
    group: 'structural',
    name: 'stack growth takes mmap_lock for write',
    summary:
      'Growing a stack down upgrades the fault’s mmap_lock to write, so it never runs beside another fault of the process (2023, in 6.1 stable). Off: expand_stack runs under the read lock, beside faults that read vm_start and vm_pgoff.',
    cites: [CITES.expandWrite],
  },
  {
    flag: 'mmapLock',
    group: 'structural',
    name: 'mmap_sem is called mmap_lock',
    summary:
      'The per-process semaphore is mmap_lock, taken through mmap_read_lock / mmap_write_lock (5.8). Only the names change: off, steps say down_read(mmap_sem) as 2.6 and 3.x did.',
    cites: [CITES.mmapLock],
  },
  {
    flag: 'munmapDowngrade',
    group: 'structural',
    name: 'munmap drops to the read lock',
    summary:
      'Once the VMAs are detached, munmap downgrades mmap_lock to read: the page tables are zapped and unlink_anon_vmas runs beside faults of other VMAs (4.20).',
    values: {
      never: 'no: the write lock is held to the end (up to 4.19)',
      'unless-stack': '6.1: yes, unless the VMA after the range grows down',
      always: '6.12: always (stacks grow under the write lock)',
    },
    cites: [CITES.munmapDowngrade],
  },
  {
    flag: 'perVmaLock',
    group: 'structural',
    name: 'per-VMA locks',
    summary:
      'A page fault read-locks only its VMA (lock_vma_under_rcu) and falls back to mmap_lock when the VMA is write-locked, or when it has no anon_vma yet and mmap_read_trylock fails (vmf_anon_prepare). Every writer write-locks each VMA it changes (vma_start_write) until it releases or downgrades mmap_lock (6.4).',
    cites: [CITES.perVmaLock],
  },
  {
    flag: 'mergeRewrite',
    group: 'structural',
    name: 'vma_adjust replaced (mm/vma.c)',
    summary:
      'VMA changes run through vma_prepare (anon_vma lock, interval-tree pre-update), commit_merge / __split_vma / vma_expand and vma_complete; merges through vma_merge_existing_range and vma_merge_new_range. The locks are those of 6.1’s __vma_adjust; the functions are 6.12’s.',
    cites: [CITES.removeVmaAdjust, CITES.removeVmaMerge],
  },
  {
    flag: 'chainAssign',
    group: 'structural',
    name: 'anon_vma_fork links same_vma before the lock',
    summary:
      'anon_vma_chain_assign puts a new AVC on its VMA’s same_vma list and the interval-tree insert is a call of its own; anon_vma_fork assigns before it takes the root lock and inserts under it (6.12.113 stable).',
    cites: [CITES.chainAssign],
  },
  {
    flag: 'folios',
    group: 'structural',
    name: 'migration works on folios',
    summary:
      'The page being migrated is a folio: folio_lock, folio_get_anon_vma, try_to_migrate, folio_anon_vma (5.16). Only the names change.',
    cites: [CITES.folios],
  },
  {
    flag: 'ksmDrop',
    group: 'structural',
    name: 'how a KSM/migration reference is dropped',
    summary:
      "Decrement and take the root lock atomically, or decrement first and lock after: Linus's question on 5/5.",
    values: {
      'dec-and-lock': 'atomic_dec_and_lock (merged)',
      'dec-then-lock': 'decrement, then lock (a window where the anon_vma can be freed)',
    },
    cites: [CITES.ksmDrop, CITES.pinRootMerged],
  },
];

/** The entry for `flag`. Every flag has one (patches.test.ts). */
export function patchFor(flag: keyof Flags): PatchInfo | undefined {
  return PATCHES.find((p) => p.flag === flag);
}
