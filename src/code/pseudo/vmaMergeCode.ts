// Pseudo-code (our own words, not kernel code) of 6.12's mm/vma.c, where vma_adjust's work is
// split between vma_prepare, the writes of commit_merge / __split_vma, and vma_complete.
import type { Flags } from '../../kernel/flags';
import type { CodeEntry } from '../types';

const interval = (f: Flags) => f.tree === 'interval';

export const vmaMergeCode: CodeEntry[] = [
  {
    fn: 'dup_anon_vma',
    summary:
      'A VMA that takes over pages from a neighbour with an anon_vma gets its anon_vma and a copy of its chain.',
    lines: [
      {
        id: 'import',
        text: 'src has an anon_vma, dst none: dst->anon_vma = src->anon_vma; anon_vma_clone(dst, src)',
      },
    ],
  },
  {
    fn: 'vma_prepare',
    summary: 'Lock before changing VMAs: the anon_vma (root) and the interval trees.',
    lines: [
      { text: 'anon_vma = vma->anon_vma, or the adjusted next VMA’s' },
      {
        id: 'lock',
        text: 'anon_vma_lock_write(anon_vma): the root’s rwsem, for write',
        when: (f) => f.adjustLock !== 'none',
      },
      {
        id: 'nolock',
        text: 'no anon_vma lock under this flag setting',
        when: (f) => f.adjustLock !== 'always',
      },
      {
        id: 'pre-update',
        text: 'take vma (and the adjusted next) out of the anon_vma interval trees',
        when: interval,
      },
    ],
  },
  {
    fn: 'commit_merge',
    summary: 'Carry out a merge that vma_merge_existing_range or vma_expand decided.',
    lines: [
      { text: 'vma_prepare(): lock, trees out' },
      { id: 'vm_start', text: 'vma->vm_start = start' },
      { id: 'vm_end', text: 'vma->vm_end = end' },
      { id: 'vm_pgoff', text: 'vma->vm_pgoff = pgoff' },
      { text: 'the adjusted neighbour’s vm_start and vm_pgoff move by the same amount' },
      {
        id: 'unlink-vma',
        text: 'vma_iter_store: the merged range maps to vma; a swallowed VMA leaves the tree',
      },
      { text: 'vma_complete(): trees in, unlock, free the swallowed VMAs' },
    ],
  },
  {
    fn: 'vma_complete',
    summary: 'Finish a VMA change: insert, re-key the trees, unlock, free what was merged away.',
    lines: [
      { id: 'insert', text: '__split_vma’s new VMA: vma_iter_store it into the tree' },
      {
        id: 'post-update',
        text: 'put vma (and the adjusted next) back into the interval trees',
        when: interval,
      },
      { id: 'unlock', text: 'anon_vma_unlock_write(anon_vma)' },
      {
        id: 'free-vma',
        text: 'each removed VMA: vma_mark_detached; anon_vma_merge → unlink_anon_vmas; vm_area_free',
      },
    ],
  },
  {
    fn: 'vma_expand',
    summary: 'Grow a VMA in place (brk, a new range next to it, mremap growing).',
    lines: [
      { text: 'vma_start_write(vma); and next when it is swallowed, then dup_anon_vma' },
      { id: 'grow-up', text: 'commit_merge(vma, start, end + pages, pgoff)' },
    ],
  },
];
