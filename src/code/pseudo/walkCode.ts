// Pseudo-code (our own words, not kernel code) of the rmap walk from a page to the VMAs that map
// it, and of page migration around it: try_to_unmap_anon / rmap_walk_anon, unmap_and_move.
import type { Flags } from '../../kernel/flags';
import type { CodeEntry, PseudoLine } from '../types';

const deepest = (f: Flags) =>
  f.rmapWalkLock !== 'none' && f.lockDeepest && !(f.rootLock && f.trackRoot);
const plainLock = (f: Flags) => f.rmapWalkLock !== 'none' && !deepest(f);
const dance = (f: Flags) => f.lockDance;
const locked = (f: Flags) => f.rmapWalkLock !== 'none';
const lockless = (f: Flags) => f.rmapWalkLock === 'none';

/** The two walks share their shape; only the per-VMA action differs. */
function walkLines(perVma: string): PseudoLine[] {
  return [
    { id: 'anon-vma', text: 'anon_vma = page->mapping (the page’s anon_vma)' },
    {
      id: 'rcu',
      text: 'rcu_read_lock() only: no anon_vma lock (the lockless proposal)',
      when: lockless,
    },
    { id: 'lock-page-av', text: 'lock the page’s own anon_vma', when: deepest },
    { id: 'first-avc', text: 'take the first entry of its list', when: deepest },
    { id: 'deepest', text: 'the deepest: the tail of that entry’s VMA’s chain', when: deepest },
    {
      id: 'unlock-page-av',
      text: 'if that is another anon_vma: unlock the page’s',
      depth: 1,
      when: deepest,
    },
    { id: 'lock-deepest', text: 'and lock the deepest instead', depth: 1, when: deepest },
    {
      id: 'lock',
      text: 'lock the anon_vma (the root’s lock from 2.6.36; for read from 3.8)',
      when: plainLock,
    },
    { text: 'for each avc on its list (from 3.7: in the tree, covering page->index):' },
    { id: 'visit', text: 'vma = avc->vma', depth: 1 },
    {
      id: 'dance-trylock',
      text: 'trylock the lock of vma->anon_vma too (Mel’s dance)',
      depth: 1,
      when: dance,
    },
    {
      id: 'dance-unlock',
      text: 'on failure: unlock every lock taken in the dance',
      depth: 2,
      when: dance,
    },
    {
      id: 'dance-restart',
      text: 'unlock the walk’s lock and start the walk again',
      depth: 2,
      when: dance,
    },
    { text: 'address = vm_start + (page->index − vm_pgoff); outside the VMA: skip', depth: 1 },
    { text: perVma, depth: 1 },
    { id: 'unlock', text: 'unlock', when: locked },
    { id: 'rcu-unlock', text: 'rcu_read_unlock()', when: lockless },
  ];
}

export const walkCode: CodeEntry[] = [
  {
    fn: 'try_to_unmap_anon',
    summary: 'Unmap an anonymous page everywhere: walk its anon_vma to every VMA that may map it.',
    lines: walkLines('try_to_unmap_one(page, vma, address)'),
  },
  {
    fn: 'rmap_walk_anon',
    summary: 'Visit every VMA that may map a page (migration restores its entries this way).',
    lines: walkLines('remove_migration_pte(page, vma, address)'),
  },
  {
    fn: 'try_to_unmap_one',
    summary: 'One VMA of the walk: replace the page’s PTE (here: with a migration entry).',
    lines: [
      { id: 'pte', text: 'take the PTE lock; does the PTE map this page?' },
      { text: 'yes: install a migration entry in its place', depth: 1 },
    ],
  },
  {
    fn: 'remove_migration_pte',
    summary: 'One VMA of the restore walk: turn a migration entry back into a PTE.',
    lines: [
      { id: 'pte', text: 'take the PTE lock; is there a migration entry for this page?' },
      { text: 'yes: point the PTE at the new page', depth: 1 },
    ],
  },
  {
    fn: 'unmap_and_move',
    summary: 'Migrate one page: unmap it to migration entries, copy it, map the copy back.',
    lines: [
      {
        id: 'lock-page',
        text: 'lock the page; no longer mapped: nothing to migrate',
        when: (f) => !f.folios,
      },
      {
        id: 'lock-page',
        text: 'folio_lock(src); no longer mapped: nothing to migrate',
        when: (f) => f.folios,
      },
      {
        id: 'get',
        text: 'take a reference on its anon_vma (2.6.35+): it must survive the unmap',
        when: (f) => f.refcount === 'external',
      },
      {
        id: 'get',
        text: 'page_get_anon_vma: a reference unless the count is already zero (3.0+)',
        when: (f) => f.refcount === 'refcount' && !f.folios,
      },
      {
        id: 'get',
        text: 'folio_get_anon_vma: a reference unless the count is already zero',
        when: (f) => f.refcount === 'refcount' && f.folios,
      },
      {
        text: 'folio_trylock(dst): the new folio stays locked until it is mapped',
        when: (f) => f.folios,
      },
      {
        text: 'try_to_unmap(page): every PTE becomes a migration entry',
        when: (f) => !f.folios,
      },
      {
        text: 'try_to_migrate(src): every PTE becomes a migration entry (an rmap walk)',
        when: (f) => f.folios,
      },
      { id: 'busy', text: 'still mapped somewhere: give up' },
      { text: 'move_to_new_page(new, page)', when: (f) => !f.folios },
      { text: 'migrate_folio_move: move_to_new_folio(dst, src)', when: (f) => f.folios },
      { text: 'remove_migration_ptes(page, new): entries point at the copy' },
      { id: 'unlock-page', text: 'unlock the page', when: (f) => !f.folios },
      { id: 'unlock-page', text: 'folio_unlock(dst); folio_unlock(src)', when: (f) => f.folios },
      { text: 'drop the anon_vma reference', when: (f) => f.refcount !== 'ksm' },
      { id: 'done', text: 'done: no migration entry may be left behind' },
    ],
  },
  {
    fn: 'page_lock_anon_vma',
    summary:
      'Find and lock a page’s anon_vma for a walk that pins nothing (reclaim): RCU keeps a freed anon_vma readable, not unused.',
    lines: [
      { id: 'mapping', text: 'rcu_read_lock(); anon_vma = page->mapping; not mapped: give up' },
      {
        id: 'get',
        text: 'take a reference unless the count is already zero',
        when: (f) => f.refcount === 'refcount',
      },
      {
        id: 'root',
        text: 'root = anon_vma->root (read once)',
        when: (f) => f.refcount !== 'refcount' && f.trackRoot,
      },
      { id: 'lock', text: 'lock root (its memory stays an anon_vma even if freed)' },
      {
        id: 'recheck',
        text: 'page still mapped? then its anon_vma cannot have been freed',
        when: (f) => f.refcount !== 'refcount' && f.lockRecheck,
      },
      {
        id: 'unlock-same',
        text: 'no longer mapped: unlock that same root and give up',
        depth: 1,
        when: (f) => f.refcount !== 'refcount' && f.lockRecheck,
      },
      { id: 'rcu-unlock', text: 'rcu_read_unlock() when giving up' },
    ],
  },
  {
    fn: 'page_get_anon_vma',
    summary: 'From 3.0: pin the anon_vma with a reference before sleeping on its lock.',
    lines: [
      { id: 'get', text: 'atomic_inc_not_zero(&anon_vma->refcount); zero: it is being freed' },
      { id: 'recheck', text: 'page still mapped? if not, drop the reference and give up' },
    ],
  },
  {
    fn: 'page_referenced_anon',
    summary: 'Reclaim asks how many of a page’s mappings were used lately, one VMA at a time.',
    lines: [
      { text: 'anon_vma = page_lock_anon_vma(page); none: nothing to count' },
      { text: 'for each avc on anon_vma’s list:' },
      { id: 'visit', text: 'was the page’s PTE in avc->vma young? count it', depth: 1 },
      { text: 'page_unlock_anon_vma(anon_vma)' },
      { id: 'done', text: 'return the count' },
    ],
  },
  {
    fn: 'page_unlock_anon_vma',
    summary: 'Unlock after a reclaim walk: the root is read again from the anon_vma.',
    lines: [
      { id: 'unlock', text: 'unlock anon_vma->root (read now, not when locking)' },
      { id: 'rcu-unlock', text: 'rcu_read_unlock()', when: (f) => f.refcount !== 'refcount' },
      {
        text: 'drop the reference (put_anon_vma)',
        when: (f) => f.refcount === 'refcount',
      },
    ],
  },
  {
    fn: 'move_to_new_page',
    summary: 'Copy the page’s contents and mapping (anon_vma, index) to the new page.',
    lines: [{ id: 'copy', text: 'copy data, page->mapping and page->index to the new page' }],
  },
  {
    fn: 'migration_entry_wait',
    summary: 'A fault found a migration entry: wait for the migration to finish.',
    lines: [
      { id: 'wait', text: 'wait until the page under migration is unlocked' },
      { id: 'retry', text: 'return: the fault is retried' },
    ],
  },
];
