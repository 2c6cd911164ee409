// Where each function of the catalog is defined, per era, for the "source" link.
// 6.1 line numbers were read in Debian's linux-source-6.1 package, 6.1.192-2 (upstream 6.1.192
// with Debian's patches), so they link v6.1.192 on elixir; 6.12's (sources612.ts) in
// linux-source-6.12, 6.12.118. Older eras: no copy of those releases' files could be read when
// this table was made, so their links open the file without a line and the panel says so (never
// a guessed line). Names and files of older eras come from the model's notes on each era and are
// not checked line by line either.
import { ERA_IDS, type EraId } from '../kernel/flags';
import { NEW_ROWS, V612, V612_READ_AT } from './sources612';
import type { EraPresence, EraSource, ReadAt, SourceRow, SourceTable } from './types';

/** The release the 6.1 lines were read in. */
export const V61_READ_AT = '6.1.192';

const RMAP = 'mm/rmap.c';
const MMAP = 'mm/mmap.c';
const MEMORY = 'mm/memory.c';
const MIGRATE = 'mm/migrate.c';
const KSM = 'mm/ksm.c';
const FORK = 'kernel/fork.c';
const RMAP_H = 'include/linux/rmap.h';

const ROWS: Record<string, SourceRow> = {
  mmap_sem: {
    file: 'include/linux/mm_types.h',
    name: 'mmap_sem',
    gone: '6.1',
    why: 'renamed mmap_lock in 5.8 (see mmap_lock)',
    per: Object.fromEntries(
      ERA_IDS.map((e) => [e, { note: 'a semaphore in mm_struct, taken by the callers' }]),
    ),
  },
  mm_alloc: { file: FORK, v61: { line: 1199 } },
  mmap_region: { file: MMAP, v61: { line: 2904 } },
  exit_mmap: { file: MMAP, v61: { line: 3267 } },
  do_munmap: { file: MMAP, v61: { line: 2667 } },
  move_vma: { file: 'mm/mremap.c', v61: { line: 601 } },
  copy_vma: { file: MMAP, v61: { line: 3373 } },
  vma_link: { file: MMAP, v61: { line: 470 } },
  move_page_tables: { file: 'mm/mremap.c', v61: { line: 511 } },
  detach_vmas_to_be_unmapped: {
    file: MMAP,
    v61: {
      line: 2447,
      name: 'do_mas_align_munmap',
      note: 'with the maple tree the VMAs are detached inside do_mas_align_munmap',
    },
  },
  unmap_vmas: { file: MEMORY, v61: { line: 1712 } },
  remove_vma: { file: MMAP, v61: { line: 137 } },
  mprotect_fixup: { file: 'mm/mprotect.c', v61: { line: 547 } },
  __split_vma: { file: MMAP, v61: { line: 2358 } },
  vma_adjust: {
    file: MMAP,
    gone: '6.12',
    why: 'removed after 6.1; a VMA grows through vma_expand',
    v61: { line: 2807, file: 'include/linux/mm.h' },
  },
  __vma_adjust: {
    file: MMAP,
    name: 'vma_adjust',
    gone: '6.12',
    why: 'removed after 6.1; see vma_prepare, commit_merge and vma_complete',
    v61: { line: 621, name: '__vma_adjust' },
  },
  expand_stack: { file: MMAP, v61: { line: 2280 } },
  expand_downwards: { file: MMAP, v61: { line: 2074 } },
  find_mergeable_anon_vma: { file: MMAP, v61: { line: 1170 } },
  __anon_vma_prepare: {
    file: RMAP,
    name: 'anon_vma_prepare',
    v61: { line: 187, name: '__anon_vma_prepare' },
  },
  anon_vma_chain_link: {
    file: RMAP,
    since: '2.6.34',
    gone: '6.12',
    why: 'anon_vma_chain arrived in 2.6.34; 6.12.113 split it into anon_vma_chain_assign and the interval-tree insert',
    v61: { line: 149 },
  },
  anon_vma_clone: {
    file: RMAP,
    since: '2.6.34',
    why: 'anon_vma_chain arrived in 2.6.34',
    v61: { line: 283 },
  },
  anon_vma_fork: {
    file: RMAP,
    since: '2.6.34',
    why: 'anon_vma_chain arrived in 2.6.34',
    v61: { line: 337 },
  },
  anon_vma_link: {
    file: RMAP,
    gone: '2.6.34',
    why: 'replaced by anon_vma_fork / anon_vma_chain_link in 2.6.34',
  },
  lock_anon_vma_root: {
    file: RMAP,
    since: '3.0',
    why: 'lock batching arrived in 3.0',
    v61: { line: 247 },
  },
  unlock_anon_vma_root: {
    file: RMAP,
    since: '3.0',
    why: 'lock batching arrived in 3.0',
    v61: { line: 259 },
  },
  unlink_anon_vmas: {
    file: RMAP,
    per: { '2.6.33': { name: 'anon_vma_unlink', note: 'no chain yet: anon_vma_unlink(vma)' } },
    v61: { line: 399 },
  },
  anon_vma_unlink: {
    file: RMAP,
    gone: '3.0',
    why: 'folded into the two passes of unlink_anon_vmas in 3.0',
  },
  drop_anon_vma: {
    file: RMAP,
    gone: '3.0',
    why: 'replaced by put_anon_vma in 3.0',
    per: {
      '2.6.33': { file: KSM },
      '2.6.34': { file: KSM },
      '2.6.35': { note: 'file not checked in this version' },
      '2.6.36': { note: 'file not checked in this version' },
    },
  },
  put_anon_vma: {
    file: RMAP_H,
    since: '3.0',
    why: 'drop_anon_vma before 3.0',
    v61: { line: 113 },
  },
  __put_anon_vma: {
    file: RMAP,
    since: '3.0',
    why: 'drop_anon_vma before 3.0',
    v61: { line: 2372 },
  },
  anon_vma_free: { file: RMAP, v61: { line: 109 } },
  hold_anon_vma: {
    file: KSM,
    per: {
      '3.0': { name: 'get_anon_vma', file: RMAP_H, note: 'KSM takes the reference directly' },
      '3.8': { name: 'get_anon_vma', file: RMAP_H, note: 'KSM takes the reference directly' },
      '3.19': { name: 'get_anon_vma', file: RMAP_H, note: 'KSM takes the reference directly' },
    },
    v61: { line: 106, name: 'get_anon_vma', file: RMAP_H },
  },
  try_to_merge_with_ksm_page: { file: KSM, v61: { line: 1278 } },
  ksm_drop_anon_vma: {
    file: KSM,
    per: {
      '3.0': { name: 'remove_rmap_item_from_tree', note: 'calls put_anon_vma' },
      '3.8': { name: 'remove_rmap_item_from_tree', note: 'calls put_anon_vma' },
      '3.19': { name: 'remove_rmap_item_from_tree', note: 'calls put_anon_vma' },
    },
    v61: { line: 744, name: 'remove_rmap_item_from_tree', note: 'calls put_anon_vma' },
  },
  handle_mm_fault: { file: MEMORY, v61: { line: 5263 } },
  migration_entry_wait: { file: MIGRATE, v61: { line: 316 } },
  do_anonymous_page: { file: MEMORY, v61: { line: 4137 } },
  page_add_new_anon_rmap: { file: RMAP, v61: { line: 1260 } },
  do_wp_page: { file: MEMORY, v61: { line: 3403 } },
  page_move_anon_rmap: {
    file: RMAP,
    since: '2.6.34',
    why: 'arrived with anon_vma_chain in 2.6.34',
    v61: { line: 1102 },
  },
  wp_page_copy: {
    file: MEMORY,
    name: 'do_wp_page',
    per: Object.fromEntries(
      ERA_IDS.map((e) => [e, { note: 'the copy is done inside do_wp_page before 4.1' }]),
    ),
    v61: { line: 3129, name: 'wp_page_copy', note: '' },
  },
  dup_mmap: { file: FORK, v61: { line: 589 } },
  copy_page_range: { file: MEMORY, v61: { line: 1277 } },
  vm_lock_anon_vma: { file: MMAP, v61: { line: 3679 } },
  mm_take_all_locks: { file: MMAP, v61: { line: 3757 } },
  vm_unlock_anon_vma: { file: MMAP, v61: { line: 3800 } },
  try_to_unmap_anon: {
    file: RMAP,
    per: {
      '3.19': { name: 'rmap_walk_anon', note: 'try_to_unmap walks through rmap_walk from 3.14' },
    },
    v61: {
      line: 2422,
      name: 'rmap_walk_anon',
      note: 'try_to_unmap walks through rmap_walk from 3.14',
    },
  },
  rmap_walk_anon: { file: RMAP, v61: { line: 2422 } },
  try_to_unmap_one: {
    file: RMAP,
    v61: { line: 1844, name: 'try_to_migrate_one', note: 'migration unmaps with try_to_migrate' },
  },
  remove_migration_pte: { file: MIGRATE, v61: { line: 174 } },
  unmap_and_move: {
    file: MIGRATE,
    v61: {
      line: 1237,
      name: 'migrate_folio_unmap',
      note: 'in 6.1.192 unmap_and_move is split into migrate_folio_unmap and migrate_folio_move',
    },
  },
  move_to_new_page: { file: MIGRATE, v61: { line: 936, name: 'move_to_new_folio' } },
  page_lock_anon_vma: {
    file: RMAP,
    per: {
      '3.8': { name: 'page_lock_anon_vma_read' },
      '3.19': { name: 'page_lock_anon_vma_read' },
    },
    v61: { line: 540, name: 'folio_lock_anon_vma_read' },
  },
  page_get_anon_vma: {
    file: RMAP,
    since: '3.0',
    why: 'reclaim took no reference before 3.0',
    v61: { line: 496, name: 'folio_get_anon_vma' },
  },
  page_referenced_anon: {
    file: RMAP,
    per: {
      '3.19': { name: 'rmap_walk_anon', note: 'page_referenced walks through rmap_walk from 3.14' },
    },
    v61: {
      line: 2422,
      name: 'rmap_walk_anon',
      note: 'folio_referenced walks through rmap_walk, which locks with folio_lock_anon_vma_read',
    },
  },
  page_unlock_anon_vma: {
    file: RMAP,
    per: {
      '3.8': { name: 'page_unlock_anon_vma_read' },
      '3.19': { name: 'anon_vma_unlock_read', file: RMAP_H },
    },
    v61: { line: 139, name: 'anon_vma_unlock_read', file: RMAP_H },
  },
};

function presence(fn: string, row: SourceRow, era: EraId): EraPresence {
  const i = ERA_IDS.indexOf(era);
  if (row.since && i < ERA_IDS.indexOf(row.since)) {
    return { absent: `${fn} does not exist before ${row.since}: ${row.why ?? ''}`.trim() };
  }
  if (row.gone && i >= ERA_IDS.indexOf(row.gone)) {
    return { absent: `${fn} is gone from ${row.gone} on: ${row.why ?? ''}`.trim() };
  }
  const base: EraSource = { name: row.name ?? fn, file: row.file, ...row.per?.[era] };
  const read: ReadAt | undefined = era === '6.1' ? row.v61 : era === '6.12' ? V612[fn] : undefined;
  if (!read) return base;
  const { line, name, file, note } = read;
  const out: EraSource = { ...base, line, verifiedAt: era === '6.1' ? V61_READ_AT : V612_READ_AT };
  if (name !== undefined) out.name = name;
  if (file !== undefined) out.file = file;
  if (note !== undefined) {
    if (note) out.note = note;
    else delete out.note;
  }
  return out;
}

export const SOURCES: SourceTable = Object.fromEntries(
  Object.entries({ ...ROWS, ...NEW_ROWS }).map(([fn, row]) => [
    fn,
    Object.fromEntries(ERA_IDS.map((era) => [era, presence(fn, row, era)])) as Record<
      EraId,
      EraPresence
    >,
  ]),
);

export function sourceOf(fn: string, era: EraId): EraPresence | undefined {
  return SOURCES[fn]?.[era];
}
