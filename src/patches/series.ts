// The 2010 series as a list, in posting order, with what each patch switches in the model. 1/5
// and 2/5 only rename lock helpers (no behaviour to switch); 4/5 came in two versions that
// differ in when vma_adjust locks. Two follow-up fixes merged before 2.6.36 close the list.
import type { Flags } from '../kernel/flags';

export interface SeriesPatch {
  tag: string;
  subject: string;
  /** the flags that turn it on; empty: nothing to switch */
  on: Partial<Flags>;
  note: string;
}

export const SERIES_2010: readonly SeriesPatch[] = [
  {
    tag: '1/5',
    subject: 'rename anon_vma_lock to vma_lock_anon_vma',
    on: {},
    note: 'a rename: the helpers that lock through a VMA get their own name',
  },
  {
    tag: '2/5',
    subject: 'change direct call of spin_lock(anon_vma->lock) to inline function',
    on: {},
    note: 'every lock goes through anon_vma_lock(), so 4/5 can change what it locks in one place',
  },
  {
    tag: '3/5',
    subject: 'track the root (oldest) anon_vma',
    on: { trackRoot: true },
    note: 'anon_vma->root',
  },
  {
    tag: '4/5 v1',
    subject: 'always lock the root (oldest) anon_vma',
    on: { rootLock: true, adjustLock: 'always' },
    note: 'root lock everywhere; vma_adjust always locks',
  },
  {
    tag: '4/5 v2',
    subject: 'always lock the root (oldest) anon_vma (-v2, merged)',
    on: { rootLock: true, adjustLock: 'conditional' },
    note: 'vma_adjust locks only when the start moves, a VMA is inserted or an importer exists',
  },
  {
    tag: '5/5',
    subject: 'extend KSM refcounts to the anon_vma root',
    on: { pinRoot: true },
    note: 'a child pins its root; drop_anon_vma frees the child, then the root',
  },
  {
    tag: '6/5',
    subject: 'adjust mm_take_all_locks to the root_anon_vma locking (Andrea Arcangeli)',
    on: { allLocksMarkRoot: true },
    note: 'mm_take_all_locks marks the root it locks',
  },
  {
    tag: 'tail insert',
    subject: 'rmap: always add new vmas at the end (Andrea Arcangeli)',
    on: { tailInsert: true },
    note: 'anon_vma_prepare adds at the tail of the list',
  },
  {
    tag: 'rc3 fix',
    subject: 'mm: fix hang on anon_vma->root->lock (Hugh Dickins, 2.6.36-rc3)',
    on: { lockRecheck: true },
    note: 'page_lock_anon_vma locks the root it read and re-checks that the page is mapped',
  },
];

/** The flags with the whole series off (2.6.34's values) or on (as merged in 2.6.36). */
export const SERIES_OFF: Partial<Flags> = {
  trackRoot: false,
  rootLock: false,
  adjustLock: 'none',
  pinRoot: false,
  allLocksMarkRoot: false,
  tailInsert: false,
  lockRecheck: false,
};
export const SERIES_ON: Partial<Flags> = {
  trackRoot: true,
  rootLock: true,
  adjustLock: 'conditional',
  pinRoot: true,
  allLocksMarkRoot: true,
  tailInsert: true,
  lockRecheck: true,
};

/** Is this patch applied under these flags? (patches with nothing to switch: always) */
export function applied(p: SeriesPatch, f: Flags): boolean {
  return Object.entries(p.on).every(([k, v]) => f[k as keyof Flags] === v);
}
