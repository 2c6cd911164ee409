// Pseudo-code (our own words, not kernel code) of the VMA-level operations: mmap, exit, munmap,
// mprotect, split, vma_adjust and stack expansion.
import type { Flags } from '../../kernel/flags';
import type { CodeEntry } from '../types';

const interval = (f: Flags) => f.tree === 'interval';
const perVma = (f: Flags) => f.perVmaLock;
const rewritten = (f: Flags) => f.mergeRewrite;

export const vmaCode: CodeEntry[] = [
  {
    fn: 'mm_alloc',
    summary: 'A new process starts with an empty address space.',
    lines: [{ id: 'alloc', text: 'allocate and initialise an mm_struct with no VMA' }],
  },
  {
    fn: 'mmap_region',
    summary: 'Map a new anonymous range: grow a neighbour if possible, else a new VMA.',
    lines: [
      { id: 'merge?', text: 'vma_merge(): can the range join an adjacent compatible VMA?' },
      { text: 'yes: that VMA grows (vma_adjust), done', depth: 1 },
      { id: 'new', text: 'no: allocate a VMA; vm_pgoff = start address in pages' },
      { text: 'vma_start_write(vma) before it enters the tree', depth: 1, when: perVma },
      { text: 'link it into the mm; no anon_vma until the first write fault' },
    ],
  },
  {
    fn: 'exit_mmap',
    summary: 'A process exits: every VMA is unmapped and freed.',
    lines: [
      { id: 'start', text: 'zap the page tables of every VMA' },
      { text: 'free_pgtables → unlink_anon_vmas, then remove_vma, for each VMA' },
      { id: 'done', text: 'the mm is empty' },
    ],
  },
  {
    fn: 'move_vma',
    summary:
      'mremap moves a range: copy the VMA to the new place, carry the entries, unmap the old.',
    lines: [
      { id: 'start', text: 'move [old, old + len) of vma to new_addr' },
      { text: 'vma_start_write(vma): the source is write-locked first', when: perVma },
      {
        text: 'copy_vma(): a VMA at the new address, with a vm_pgoff that keeps each page’s index',
      },
      { text: 'move_page_tables(): carry every page-table entry over' },
      { id: 'unmap-old', text: 'do_munmap() the old range' },
    ],
  },
  {
    fn: 'copy_vma',
    summary:
      'The VMA at the new address: merged into a neighbour there, or a copy sharing the old chain.',
    lines: [
      {
        id: 'merge?',
        text: 'vma_merge() at the new address with the old anon_vma and the kept pgoff',
      },
      { text: 'merged: that neighbour grows over the range (vma_adjust)', depth: 1 },
      { id: 'dup', text: 'else: duplicate the VMA at the new range' },
      {
        text: 'anon_vma_clone(): the copy joins every anon_vma of the old chain (at the tail)',
        depth: 1,
      },
    ],
  },
  {
    fn: 'vma_link',
    summary: 'Insert a VMA into the mm.',
    lines: [
      { text: 'vma_start_write(vma): not in the tree yet, so it waits for nobody', when: perVma },
      { id: 'insert', text: 'link the VMA into the mm’s tree and list' },
    ],
  },
  {
    fn: 'move_page_tables',
    summary: 'Carry page-table entries from the old range to the new one.',
    lines: [
      {
        id: 'rmap-lock',
        text: 'need_rmap_locks: the destination may come first in a walk, so lock the anon_vma',
        when: (f) => f.moveRmapLocks,
      },
      {
        id: 'move',
        text: 'for each entry: take both page-table locks, move it',
      },
      {
        id: 'rmap-unlock',
        text: 'need_rmap_locks: unlock the anon_vma',
        when: (f) => f.moveRmapLocks,
      },
    ],
  },
  {
    fn: 'do_munmap',
    summary: 'munmap: cut the VMAs at both ends of the range and free what lies inside.',
    lines: [
      { id: 'find', text: 'find the first VMA that ends above start' },
      { text: 'if it starts below start: __split_vma at start' },
      { text: 'if the last one ends above end: __split_vma at end' },
      { text: 'vma_start_write each VMA inside, then detach them', when: perVma },
      { text: 'detach the VMAs inside', when: (f) => !f.perVmaLock },
      {
        text: 'munmap(2): mmap_write_downgrade, so faults elsewhere in the mm can run',
        when: (f) => f.munmapDowngrade === 'always',
      },
      {
        text: 'munmap(2): mmap_write_downgrade, unless the next VMA grows down',
        when: (f) => f.munmapDowngrade === 'unless-stack',
      },
      { text: 'zap their page tables, unlink their anon_vmas, free them' },
    ],
  },
  {
    fn: 'detach_vmas_to_be_unmapped',
    summary: 'Take the VMAs of the range out of the mm before they are freed.',
    lines: [{ id: 'detach', text: 'unlink each VMA of the range from the mm’s list and tree' }],
  },
  {
    fn: 'unmap_vmas',
    summary: 'Clear the page-table entries of a range (pages lose these mappings).',
    lines: [{ id: 'zap', text: 'clear every PTE of the VMA; each page loses one mapping' }],
  },
  {
    fn: 'remove_vma',
    summary: 'Free a VMA that is no longer in any list.',
    lines: [{ id: 'free', text: 'free the vm_area_struct' }],
  },
  {
    fn: 'mprotect_fixup',
    summary: 'Change the protection of part of a VMA: merge with a neighbour, or split.',
    lines: [
      { id: 'same', text: 'same flags already: nothing to do' },
      { id: 'merge?', text: 'vma_merge(): does a neighbour with the new flags take the range?' },
      { text: 'yes: vma_adjust moves the boundary, done', depth: 1 },
      { text: 'no: __split_vma at start and/or end' },
      { text: 'vma_start_write(vma) (nothing if a split already locked it)', when: perVma },
      { id: 'flags', text: 'set the new vm_flags on the VMA that is exactly the range' },
    ],
  },
  {
    fn: '__split_vma',
    summary: 'Cut a VMA in two; the new part gets a copy of the chain first.',
    lines: [
      { id: 'dup', text: 'new = a copy of the VMA, trimmed to one side of addr' },
      { text: 'anon_vma_clone(new, vma): the new part is on every anon_vma too' },
      {
        text: 'vma_adjust(vma, …, insert = new): shrink the old part, insert the new',
        when: (f) => !f.mergeRewrite,
      },
      { text: 'vma_start_write(vma); vma_start_write(new)', when: perVma },
      { text: 'vma_prepare(): lock the anon_vma, take vma out of the trees', when: rewritten },
      { id: 'vm_start', text: 'new below: vma->vm_start = addr', when: rewritten },
      { id: 'vm_pgoff', text: 'and vma->vm_pgoff moves by as much', depth: 1, when: rewritten },
      { id: 'vm_end', text: 'new above: vma->vm_end = addr', when: rewritten },
      { text: 'vma_complete(): insert new, trees back in, unlock', when: rewritten },
    ],
  },
  {
    fn: 'vma_adjust',
    summary: 'A VMA grows upwards in place (as brk or mremap do).',
    lines: [{ id: 'grow-up', text: 'vma_adjust(vma, start, end + pages, pgoff)' }],
  },
  {
    fn: '__vma_adjust',
    summary:
      'Change a VMA’s range; move the boundary with the next VMA, insert or remove VMAs. Whether the anon_vma lock is held is the heart of Mel’s race.',
    lines: [
      { id: 'import', text: 'a VMA taking over pages gets the exporter’s chain (anon_vma_clone)' },
      {
        id: 'lock',
        text: 'lock vma->anon_vma (root) — when: see the era (start moves, insert, importer, always)',
        when: (f) => f.adjustLock !== 'none',
      },
      {
        id: 'nolock',
        text: 'otherwise no anon_vma lock is held from here on',
        when: (f) => f.adjustLock !== 'always',
      },
      {
        id: 'pre-update',
        text: 'take the VMA(s) out of the anon_vma interval trees',
        when: interval,
      },
      { id: 'vm_start', text: 'vma->vm_start = start' },
      { id: 'vm_end', text: 'vma->vm_end = end' },
      { id: 'vm_pgoff', text: 'vma->vm_pgoff = pgoff' },
      { text: 'and the same for next when the boundary between them moves' },
      { id: 'insert', text: 'insert the split-off VMA into the mm' },
      {
        text: 'before anon_vma_chain: it joins the tail of the anon_vma’s list',
        depth: 1,
        when: (f) => !f.avc,
      },
      { id: 'unlink-vma', text: 'unlink each VMA swallowed by the merge from the mm' },
      { id: 'post-update', text: 'put the VMA(s) back into the interval trees', when: interval },
      { id: 'unlock', text: 'unlock', when: (f) => f.adjustLock !== 'none' },
      { id: 'free-vma', text: 'for each removed VMA: unlink_anon_vmas, then free it' },
    ],
  },
  {
    fn: 'expand_stack',
    summary: 'A fault just below a grows-down stack VMA makes it grow.',
    lines: [
      { id: 'prepare', text: 'anon_vma_prepare(vma): the lock below lives in the anon_vma' },
      { text: 'expand_downwards(vma, address)' },
      {
        text: 'the 2023 rework: called with mmap_lock held for write',
        when: (f) => f.expandWrite,
      },
    ],
  },
  {
    fn: 'expand_downwards',
    summary:
      'Grow a stack VMA down under the anon_vma lock (mmap_sem held only for read until the 2023 rework, which takes mmap_lock for write).',
    lines: [
      { text: 'vma_start_write(vma): no fault under the per-VMA lock meanwhile', when: perVma },
      { id: 'lock', text: 'vma_lock_anon_vma(vma): the VMA’s anon_vma (root from 2.6.36)' },
      { id: 'pre-update', text: 'take the VMA out of the interval trees', when: interval },
      { id: 'vm_start', text: 'vma->vm_start = address' },
      { id: 'vm_pgoff', text: 'vma->vm_pgoff −= grow' },
      { id: 'post-update', text: 'put it back into the interval trees', when: interval },
      { id: 'unlock', text: 'vma_unlock_anon_vma(vma)' },
    ],
  },
];
