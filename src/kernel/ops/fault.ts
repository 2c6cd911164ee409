// touch → handle_mm_fault (mm/memory.c): a read fault on an empty entry maps the shared zero
// page; a write fault prepares the anon_vma and maps a new page (do_anonymous_page), breaks
// COW on a shared page (wp_page_copy) or reuses a page nobody else maps any more, moving it
// to the writer's anon_vma (do_wp_page → page_move_anon_rmap). Which locks the fault holds is
// userFault's business; under a per-VMA lock alone the anon_vma is prepared by vmf_anon_prepare.
import { OpError, step, type Gen, type K } from '../exec';
import { pageLockId } from '../ids';
import { acquireOther, releaseOther } from '../locks';
import { mmapReadTrylock, mmapUnlock } from '../mmapLock';
import { liveAv } from '../objects';
import { newPage, setPte } from '../pagetables';
import { avId, findVma, pteId, vmaId, type Mm, type Vma } from '../state';
import { vmaEndRead } from '../vmaLock';
import { anonVmaPrepare } from './anonVmaPrepare';

/** `retry`: the fault gave up its per-VMA lock and must run again under mmap_lock. */
export type FaultResult = 'done' | 'retry';

/** Throws the SIGSEGV of a fault outside any VMA or a write to a read-only one. */
export function checkAccess(mm: Mm, v: Vma | undefined, addr: number, write: boolean): Vma {
  if (!v) throw new OpError(`no VMA covers address ${addr} in ${mm.pid} (SIGSEGV)`, 'addr');
  if (write && v.prot === 'r') {
    throw new OpError(`write to read-only ${vmaId(v)} (SIGSEGV)`, 'write');
  }
  return v;
}

/**
 * anon_vma_prepare as a fault reaches it. Under mmap_lock it is called directly. Under the
 * per-VMA lock alone, __vmf_anon_prepare (6.12 mm/memory.c) must not look at the neighbours
 * (find_mergeable_anon_vma) without mmap_lock: it tries mmap_read_trylock, and when that fails
 * it drops the VMA lock and returns VM_FAULT_RETRY (false here).
 */
function* prepare(k: K, v: Vma, vmaLocked: boolean): Gen<boolean> {
  if (v.anonVma) return true;
  if (!vmaLocked) {
    yield* anonVmaPrepare(k, v);
    return true;
  }
  const fn = 'vmf_anon_prepare';
  const why = `${vmaId(v)} has no anon_vma and only its per-VMA lock is held`;
  if (!(yield* mmapReadTrylock(k, v.mm, fn, 'trylock', why))) {
    yield* vmaEndRead(k, v, fn, 'retry', 'VM_FAULT_RETRY: ');
    return false;
  }
  yield* anonVmaPrepare(k, v);
  yield* mmapUnlock(k, v.mm, fn, 'unlock');
  return true;
}

/** page_add_new_anon_rmap: a new page belongs to vma->anon_vma at its linear index. */
function* mapNewPage(k: K, mm: Mm, v: Vma, addr: number, fn: string): Gen {
  yield step(fn, 'alloc-page', 'allocate a new page');
  const av = v.anonVma;
  const page = newPage(k, av, v.pgoff + (addr - v.start));
  yield step(
    'page_add_new_anon_rmap',
    'mapping',
    `page->mapping = ${av ? avId(av) : 'NULL'}, index ${page.index}`,
  );
  if (av) liveAv(k, av, 'mapped a page into');
  setPte(k, mm, addr, { page, migration: false });
}

/**
 * The fault itself. `locked`: the VMA lock_vma_under_rcu found and read-locked (the per-VMA
 * path); null under mmap_lock, where the VMA is looked up here.
 */
export function* fault(
  k: K,
  mm: Mm,
  addr: number,
  write: boolean,
  locked: Vma | null = null,
): Gen<FaultResult> {
  const fn = 'handle_mm_fault';
  let v: Vma;
  if (locked) v = locked;
  else {
    yield step(fn, 'find-vma', `${write ? 'write' : 'read'} fault at ${pteId(mm, addr)}: find_vma`);
    v = checkAccess(mm, findVma(mm, addr), addr, write);
    k.note(`in ${vmaId(v)}`);
  }
  const vmaLocked = locked !== null;
  let pte = mm.ptes.get(addr);
  if (pte?.migration) {
    const page = pte.page;
    const owner = pageLockId(page.pfn);
    yield* acquireOther(k, page.lock, owner, 'w', false, {
      fn: 'migration_entry_wait',
      line: 'wait',
      text: `a migration entry: wait for ${owner} to be unlocked`,
    });
    yield* releaseOther(k, page.lock, owner, {
      fn: 'migration_entry_wait',
      line: 'retry',
      text: 'retry the fault',
    });
    pte = mm.ptes.get(addr);
    if (pte?.migration) {
      k.violation(
        'migration-entry-left',
        `fault at ${pteId(mm, addr)} found a migration entry with no migration under way (BUG_ON in the kernel)`,
        [pteId(mm, addr)],
      );
      setPte(k, mm, addr, { page: pte.page, migration: false });
      k.note('the model restores the entry to its page and goes on');
    }
  }
  if (!pte) {
    if (!write) {
      yield step(
        'do_anonymous_page',
        'zero-page',
        'map the shared zero page read-only (no anon_vma)',
      );
      setPte(k, mm, addr, { page: k.s.zeroPage, migration: false });
      return 'done';
    }
    if (!(yield* prepare(k, v, vmaLocked))) return 'retry';
    yield* mapNewPage(k, mm, v, addr, 'do_anonymous_page');
    return 'done';
  }
  if (!write) {
    yield step(fn, 'present', 'already mapped: nothing to do');
    return 'done';
  }
  const page = pte.page;
  if (page === k.s.zeroPage) {
    yield step('do_wp_page', 'zero', 'write to the zero page: copy it');
    if (!(yield* prepare(k, v, vmaLocked))) return 'retry';
    yield* mapNewPage(k, mm, v, addr, 'wp_page_copy');
    return 'done';
  }
  yield step('do_wp_page', 'shared?', `is page ${page.pfn} mapped anywhere else?`);
  const underMigration = page.lock.holders.length > 0;
  if (page.mapcount === 1 && !underMigration) {
    k.note('no: reuse it in place');
    if (v.anonVma && page.mapping !== v.anonVma) {
      yield step(
        'page_move_anon_rmap',
        'move',
        `page->mapping: ${page.mapping ? avId(page.mapping) : 'NULL'} → ${avId(v.anonVma)}`,
      );
      liveAv(k, v.anonVma, 'moved a page into');
      page.mapping = v.anonVma;
      k.touch(pteId(mm, addr));
      k.touch(avId(v.anonVma));
    }
    return 'done';
  }
  k.note(
    `yes (${page.mapcount} mappings${underMigration ? ', under migration' : ''}): copy on write`,
  );
  if (!(yield* prepare(k, v, vmaLocked))) return 'retry';
  yield* mapNewPage(k, mm, v, addr, 'wp_page_copy');
  return 'done';
}
