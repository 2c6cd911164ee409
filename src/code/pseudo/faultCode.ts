// Pseudo-code (our own words, not kernel code) of page faults, fork, mmap_sem and
// mm_take_all_locks.
import type { Flags } from '../../kernel/flags';
import type { CodeEntry } from '../types';

const marksRoot = (f: Flags) => f.allLocksMarkRoot;

export const faultCode: CodeEntry[] = [
  {
    fn: 'mmap_sem',
    summary:
      'The per-process reader/writer semaphore around every VMA operation (mmap_lock from 5.8).',
    lines: [
      { id: 'lock', text: 'down_write(mmap_sem) to change VMAs, down_read(mmap_sem) for faults' },
      { text: 'the operation runs', depth: 1 },
      { id: 'unlock', text: 'up_write / up_read' },
    ],
  },
  {
    fn: 'handle_mm_fault',
    summary: 'A page fault: find the VMA, then map a page or break copy-on-write.',
    lines: [
      {
        id: 'find-vma',
        text: 'vma = find_vma(mm, address); none, or a write to read-only: SIGSEGV',
      },
      { text: 'a migration entry there: migration_entry_wait(), retry' },
      { text: 'no PTE yet: do_anonymous_page()' },
      { id: 'present', text: 'a read of a present page: nothing to do' },
      { text: 'a write to a read-only PTE: do_wp_page()' },
    ],
  },
  {
    fn: 'do_anonymous_page',
    summary: 'First touch of an anonymous address.',
    lines: [
      { id: 'zero-page', text: 'a read: map the shared zero page read-only, no anon_vma needed' },
      { text: 'a write: anon_vma_prepare(vma)' },
      { id: 'alloc-page', text: 'allocate a zeroed page' },
      { text: 'page_add_new_anon_rmap(page, vma, address); set the PTE' },
    ],
  },
  {
    fn: 'page_add_new_anon_rmap',
    summary: 'A new page belongs to the VMA’s anon_vma at its linear index.',
    lines: [
      { id: 'mapping', text: 'page->mapping = vma->anon_vma (marked anonymous)' },
      { text: 'page->index = vm_pgoff + (address − vm_start) in pages' },
    ],
  },
  {
    fn: 'do_wp_page',
    summary: 'A write to a read-only (copy-on-write) PTE.',
    lines: [
      { id: 'zero', text: 'the zero page: copy it (wp_page_copy)' },
      { id: 'shared?', text: 'is the page mapped anywhere else (or under migration)?' },
      { text: 'no: reuse it in place, writable' },
      { text: 'page_move_anon_rmap(page, vma) if it belongs to an older anon_vma', depth: 1 },
      { text: 'yes: anon_vma_prepare(vma); wp_page_copy()' },
    ],
  },
  {
    fn: 'page_move_anon_rmap',
    summary: 'A page only this VMA maps moves to the VMA’s own anon_vma (2.6.34+).',
    lines: [{ id: 'move', text: 'page->mapping = vma->anon_vma' }],
  },
  {
    fn: 'wp_page_copy',
    summary: 'Break copy-on-write: the writer gets its own copy of the page.',
    lines: [
      { id: 'alloc-page', text: 'allocate a new page and copy the old one into it' },
      { text: 'page_add_new_anon_rmap(new, vma, address): the writer’s anon_vma' },
      { text: 'point the PTE at the copy; the old page loses one mapping' },
    ],
  },
  {
    fn: 'dup_mmap',
    summary: 'fork: copy every VMA of the parent into the child’s new mm.',
    lines: [
      { id: 'mm', text: 'the child gets a new mm (mmap_sem of the parent held for write)' },
      { text: 'for each VMA of the parent, in address order:' },
      {
        text: 'vma_start_write(parent VMA): no per-VMA-lock fault changes it meanwhile',
        depth: 1,
        when: (f) => f.perVmaLock,
      },
      { id: 'dup', text: 'copy the VMA', depth: 1 },
      { text: 'anon_vma_fork(child VMA, parent VMA)', depth: 1 },
      { id: 'link', text: 'link the copy into the child’s mm', depth: 1 },
      { text: 'copy_page_range(child VMA, parent VMA)', depth: 1 },
    ],
  },
  {
    fn: 'copy_page_range',
    summary: 'fork: share the parent’s pages with the child, read-only for copy-on-write.',
    lines: [
      {
        id: 'copy',
        text: 'copy each PTE, write-protected in both; no anon_vma lock, only page-table locks',
      },
    ],
  },
  {
    fn: 'vm_lock_anon_vma',
    summary: 'mm_take_all_locks: lock one anon_vma once, marking it so it is not taken twice.',
    lines: [
      {
        id: 'test-mark',
        text: 'is the anon_vma’s mark bit set? (the root’s mark, with patch 6/5)',
      },
      { text: 'yes: already locked by this walk, skip', depth: 1 },
      { id: 'lock', text: 'lock its lock (the root’s from 2.6.36)' },
      { id: 'mark', text: 'set the mark on the anon_vma', when: (f) => !marksRoot(f) },
      { id: 'mark', text: 'set the mark on the root', when: marksRoot },
    ],
  },
  {
    fn: 'mm_take_all_locks',
    summary: 'Lock every anon_vma the mm can reach (mmu_notifier registration).',
    lines: [
      { text: 'for each VMA with an anon_vma, for each avc: vm_lock_anon_vma(anon_vma)' },
      { id: 'done', text: 'all held; the caller registers, then mm_drop_all_locks()' },
    ],
  },
  {
    fn: 'vm_unlock_anon_vma',
    summary: 'mm_drop_all_locks: clear the mark and unlock.',
    lines: [
      { id: 'unmark', text: 'clear the mark bit' },
      { id: 'unlock', text: 'unlock' },
    ],
  },
];
