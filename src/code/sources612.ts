// Where each function of the catalog is defined in 6.12, and the rows of the functions the model
// names only from 6.1 (mmap_lock, the fault entry) or 6.12 (per-VMA locks, mm/vma.c). Lines were
// read in Debian's linux-source-6.12 package, 6.12.118-1~deb12u1 (upstream 6.12.118 with Debian's
// patches), so they link v6.12.118 on elixir. A line is the first line of the definition (the
// return type's line where it stands alone), as for 6.1.
import type { SourceRow, ReadAt } from './types';

/** The release the 6.12 lines were read in. */
export const V612_READ_AT = '6.12.118';

const MEMORY = 'mm/memory.c';
const VMA = 'mm/vma.c';
const MM_H = 'include/linux/mm.h';
const RMAP_H = 'include/linux/rmap.h';
const FAULT = 'arch/x86/mm/fault.c';

const PER_VMA = 'per-VMA locks arrived in 6.4';
const VMA_C = 'vma_adjust’s work was split up after 6.1 (mm/vma.c in 6.12)';

/** Functions the model names from 6.1 or 6.12 on. */
export const NEW_ROWS: Record<string, SourceRow> = {
  mmap_lock: {
    file: 'include/linux/mmap_lock.h',
    name: 'mmap_write_lock',
    since: '6.1',
    why: 'mmap_sem is called mmap_lock from 5.8',
    v61: { line: 68 },
  },
  do_user_addr_fault: {
    file: FAULT,
    since: '6.1',
    why: 'do_page_fault did it all in these kernels',
    v61: { line: 1202 },
  },
  lock_mm_and_find_vma: {
    file: MEMORY,
    since: '6.1',
    why: 'the 2023 stack-expansion rework added it (in 6.1 stable)',
    v61: { line: 5378 },
  },
  lock_vma_under_rcu: { file: MEMORY, since: '6.12', why: PER_VMA },
  vma_start_read: { file: MM_H, since: '6.12', why: PER_VMA },
  vma_end_read: { file: MM_H, since: '6.12', why: PER_VMA },
  vma_start_write: { file: MM_H, since: '6.12', why: PER_VMA },
  vmf_anon_prepare: {
    file: MEMORY,
    since: '6.12',
    why: 'it came with faults under the per-VMA lock',
  },
  dup_anon_vma: { file: VMA, since: '6.12', why: VMA_C },
  vma_prepare: { file: VMA, since: '6.12', why: VMA_C },
  commit_merge: { file: VMA, since: '6.12', why: VMA_C },
  vma_complete: { file: VMA, since: '6.12', why: VMA_C },
  vma_expand: { file: VMA, since: '6.12', why: VMA_C },
};

/** As read in 6.12.118: the kernel's name and file where they are not the model's. */
export const V612: Record<string, ReadAt> = {
  mmap_lock: { line: 102 },
  do_user_addr_fault: { line: 1209 },
  lock_mm_and_find_vma: { line: 6211 },
  lock_vma_under_rcu: { line: 6273 },
  vma_start_read: { line: 692 },
  vma_end_read: { line: 725 },
  vma_start_write: { line: 750 },
  vmf_anon_prepare: {
    line: 3304,
    name: '__vmf_anon_prepare',
    note: 'the wrapper vmf_anon_prepare (mm/internal.h:365) drops the VMA lock on VM_FAULT_RETRY',
  },
  dup_anon_vma: { line: 512 },
  vma_prepare: { line: 158 },
  commit_merge: { line: 588 },
  vma_complete: { line: 205 },
  vma_expand: { line: 1016 },
  mm_alloc: { line: 1356 },
  mmap_region: {
    line: 1372,
    name: '__mmap_region',
    note: 'it merges through vma_merge_new_range (mm/vma.c:924)',
  },
  exit_mmap: { line: 1919 },
  do_munmap: {
    line: 1399,
    name: 'do_vmi_munmap',
    file: VMA,
    note: 'munmap(2) takes mmap_lock in __vm_munmap (mm/mmap.c:1636)',
  },
  move_vma: { line: 687 },
  copy_vma: { line: 1646, file: VMA },
  vma_link: { line: 1626, file: VMA },
  move_page_tables: { line: 563 },
  detach_vmas_to_be_unmapped: {
    line: 1200,
    name: 'vms_gather_munmap_vmas',
    file: VMA,
    note: 'vms_complete_munmap_vmas (mm/vma.c:1149) then downgrades and frees',
  },
  unmap_vmas: { line: 1879 },
  remove_vma: { line: 329, file: VMA },
  mprotect_fixup: {
    line: 602,
    note: 'it merges through vma_modify_flags → vma_merge_existing_range',
  },
  __split_vma: { line: 370, file: VMA },
  expand_stack: { line: 1328 },
  expand_downwards: { line: 1153 },
  find_mergeable_anon_vma: { line: 1831, file: VMA },
  __anon_vma_prepare: { line: 186 },
  anon_vma_clone: { line: 285 },
  anon_vma_fork: { line: 340 },
  lock_anon_vma_root: { line: 248 },
  unlock_anon_vma_root: { line: 260 },
  unlink_anon_vmas: { line: 404 },
  put_anon_vma: { line: 113 },
  __put_anon_vma: { line: 2588 },
  anon_vma_free: { line: 111 },
  hold_anon_vma: { line: 106, name: 'get_anon_vma', file: RMAP_H },
  try_to_merge_with_ksm_page: { line: 1551 },
  ksm_drop_anon_vma: { line: 966, name: 'remove_rmap_item_from_tree', note: 'calls put_anon_vma' },
  handle_mm_fault: { line: 6080 },
  migration_entry_wait: { line: 426 },
  do_anonymous_page: { line: 4745 },
  page_add_new_anon_rmap: { line: 1422, name: 'folio_add_new_anon_rmap' },
  do_wp_page: { line: 3665 },
  page_move_anon_rmap: { line: 1216, name: 'folio_move_anon_rmap' },
  wp_page_copy: { line: 3339, name: 'wp_page_copy', note: '' },
  dup_mmap: { line: 641 },
  copy_page_range: { line: 1356 },
  vm_lock_anon_vma: { line: 1946, file: VMA },
  mm_take_all_locks: { line: 2025, file: VMA },
  vm_unlock_anon_vma: { line: 2081, file: VMA },
  try_to_unmap_anon: {
    line: 2639,
    name: 'rmap_walk_anon',
    note: 'try_to_migrate (mm/rmap.c:2363) walks through rmap_walk',
  },
  rmap_walk_anon: { line: 2639 },
  try_to_unmap_one: { line: 2034, name: 'try_to_migrate_one' },
  remove_migration_pte: { line: 288 },
  unmap_and_move: {
    line: 1183,
    name: 'migrate_folio_unmap',
    note: 'unmap_and_move is split into migrate_folio_unmap and migrate_folio_move (mm/migrate.c:1344)',
  },
  move_to_new_page: { line: 1065, name: 'move_to_new_folio' },
  page_lock_anon_vma: { line: 551, name: 'folio_lock_anon_vma_read' },
  page_get_anon_vma: { line: 507, name: 'folio_get_anon_vma' },
  page_referenced_anon: {
    line: 2639,
    name: 'rmap_walk_anon',
    note: 'folio_referenced walks through rmap_walk, which locks with folio_lock_anon_vma_read',
  },
  page_unlock_anon_vma: { line: 144, name: 'anon_vma_unlock_read', file: RMAP_H },
};
