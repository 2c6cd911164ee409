// The model's objects. Plain mutable data owned by one replay; the page only ever sees
// ViewState / Forest copies of it. Field names follow the kernel where one exists.
import type { EraId, Flags } from './flags';
import * as ids from './ids';

export type Mode = 'w' | 'r';

/** A lock (spinlock, mutex or rwsem) living inside an anon_vma, an mm, a VMA or a page. */
export interface Lock {
  holders: number[];
  mode: Mode | null;
}

export interface AnonVma {
  /** trace number: `av${n}`, in allocation order */
  n: number;
  /** `av${n}`, made once */
  id: string;
  /** anon_vma->root (E2+); self for a root and in eras without root tracking */
  root: AnonVma;
  /** anon_vma->parent (E4+); self for a root */
  parent: AnonVma;
  /** ksm_refcount / external_refcount / refcount, per flags.refcount */
  refcount: number;
  degree: number;
  numChildren: number;
  numActiveVmas: number;
  /** same_anon_vma list, in list order; for the interval tree, in tree order */
  list: Avc[];
  lock: Lock;
  /** mm_take_all_locks mark (bit 0 of head.next / rb_root) */
  marked: boolean;
  freed: boolean;
  /** CPUs holding a pointer to it under rcu_read_lock only (page_lock_anon_vma, §8.6) */
  rcuReaders: number;
  /** times its memory was handed out again after a free (SLAB_DESTROY_BY_RCU) */
  reused: number;
}

/** anon_vma_chain. In 2.6.33 it stands for the VMA's anon_vma_node on the anon_vma's list. */
export interface Avc {
  vma: Vma;
  av: AnonVma;
  /** insertion sequence number, for equal keys in the interval tree */
  seq: number;
  onList: boolean;
  onChain: boolean;
  freed: boolean;
}

export interface Vma {
  serial: number;
  /** cache of `pid:start` (ids are asked for at nearly every step) */
  idCache?: { start: number; id: string };
  mm: Mm;
  start: number;
  end: number;
  pgoff: number;
  prot: 'r' | 'rw';
  growsdown: boolean;
  anonVma: AnonVma | null;
  /** same_vma list, head (newest) first */
  chain: Avc[];
  freed: boolean;
  /**
   * The per-VMA lock (6.4 on, `perVmaLock`): a fault holds it for read; a writer that called
   * vma_start_write holds it for write until mmap_lock is released or downgraded (the kernel
   * marks that with vm_lock_seq == mm_lock_seq; the model keeps the writer as its holder)
   */
  vmLock: Lock;
}

export interface Page {
  pfn: number;
  /** page->mapping: the anon_vma (null for the shared zero page) */
  mapping: AnonVma | null;
  index: number;
  /** number of PTEs and migration entries that refer to the page */
  mapcount: number;
  /** page lock, held across a migration */
  lock: Lock;
}

export interface Pte {
  page: Page;
  /** a migration entry (the page is being migrated) instead of a present PTE */
  migration: boolean;
}

export interface Mm {
  pid: string;
  parent: string | null;
  /** VMAs sorted by start */
  vmas: Vma[];
  ptes: Map<number, Pte>;
  /** mmap_sem (mmap_lock from 5.8): VMA changes hold it for write, faults for read */
  mmapSem: Lock;
  /**
   * VMAs write-locked (vma_start_write) since mmap_lock was taken for write, each with the lock
   * owner id it was taken under (a VMA is named by its start, which a split may move):
   * vma_end_write_all ends them
   */
  writeLocked: { vma: Vma; owner: string }[];
  alive: boolean;
  order: number;
}

export interface KsmRef {
  name: string;
  av: AnonVma;
  order: number;
}

export interface State {
  flags: Flags;
  era: EraId;
  mms: Map<string, Mm>;
  /** every anon_vma ever allocated, by trace number (freed ones stay, marked) */
  anonVmas: AnonVma[];
  refs: Map<string, KsmRef>;
  nextSeq: number;
  nextPfn: number;
  nextVma: number;
  nextOrder: number;
  /** RCU pointers held to anon_vmas (reclaim walks); allocation looks for reuse only when > 0 */
  rcuReaders: number;
  zeroPage: Page;
}

export function newLock(): Lock {
  return { holders: [], mode: null };
}

export function newState(era: EraId, flags: Flags): State {
  return {
    flags,
    era,
    mms: new Map(),
    anonVmas: [],
    refs: new Map(),
    nextSeq: 0,
    nextPfn: 1,
    nextVma: 0,
    nextOrder: 0,
    rcuReaders: 0,
    zeroPage: { pfn: 0, mapping: null, index: 0, mapcount: 0, lock: newLock() },
  };
}

export const avId = (av: AnonVma): string => av.id;
export function vmaId(v: Vma): string {
  const c = v.idCache;
  if (c && c.start === v.start) return c.id;
  const id = ids.vmaId(v.mm.pid, v.start);
  v.idCache = { start: v.start, id };
  return id;
}
export const avcId = (c: Avc): string => ids.avcId(vmaId(c.vma), avId(c.av));
export const pteId = (mm: Mm, addr: number): string => ids.pteId(mm.pid, addr);

export function findVma(mm: Mm, addr: number): Vma | undefined {
  for (const v of mm.vmas) if (v.start <= addr && addr < v.end) return v;
  return undefined;
}

export function vmaAfter(mm: Mm, v: Vma): Vma | undefined {
  const i = mm.vmas.indexOf(v);
  return i >= 0 ? mm.vmas[i + 1] : undefined;
}

export function vmaBefore(mm: Mm, v: Vma): Vma | undefined {
  const i = mm.vmas.indexOf(v);
  return i > 0 ? mm.vmas[i - 1] : undefined;
}

export function insertVmaSorted(mm: Mm, v: Vma): void {
  let i = 0;
  while (i < mm.vmas.length && mm.vmas[i]!.start < v.start) i++;
  mm.vmas.splice(i, 0, v);
}

export function resortVmas(mm: Mm): void {
  mm.vmas.sort((a, b) => a.start - b.start);
}

/** The address at which `page` would be mapped in `v` (vma_address); may lie outside v. */
export function vmaAddress(page: Page, v: Vma): number {
  return v.start + (page.index - v.pgoff);
}

export function liveMms(s: State): Mm[] {
  return [...s.mms.values()].filter((m) => m.alive).sort((a, b) => a.order - b.order);
}
