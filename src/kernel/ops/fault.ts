// touch → handle_mm_fault (mm/memory.c): a read fault on an empty entry maps the shared zero
// page; a write fault prepares the anon_vma and maps a new page (do_anonymous_page), breaks
// COW on a shared page (wp_page_copy) or reuses a page nobody else maps any more, moving it
// to the writer's anon_vma (do_wp_page → page_move_anon_rmap).
import { OpError, step, type Gen, type K } from '../exec';
import { pageLockId } from '../ids';
import { acquireOther, releaseOther } from '../locks';
import { liveAv } from '../objects';
import { newPage, setPte } from '../pagetables';
import { avId, findVma, pteId, vmaId, type Mm, type Vma } from '../state';
import { anonVmaPrepare } from './anonVmaPrepare';

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

export function* fault(k: K, mm: Mm, addr: number, write: boolean): Gen {
  const fn = 'handle_mm_fault';
  yield step(fn, 'find-vma', `${write ? 'write' : 'read'} fault at ${pteId(mm, addr)}: find_vma`);
  const v = findVma(mm, addr);
  if (!v) throw new OpError(`no VMA covers address ${addr} in ${mm.pid} (SIGSEGV)`, 'addr');
  if (write && v.prot === 'r') {
    throw new OpError(`write to read-only ${vmaId(v)} (SIGSEGV)`, 'write');
  }
  k.note(`in ${vmaId(v)}`);
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
      return;
    }
    yield* anonVmaPrepare(k, v);
    yield* mapNewPage(k, mm, v, addr, 'do_anonymous_page');
    return;
  }
  if (!write) {
    yield step(fn, 'present', 'already mapped: nothing to do');
    return;
  }
  const page = pte.page;
  if (page === k.s.zeroPage) {
    yield step('do_wp_page', 'zero', 'write to the zero page: copy it');
    yield* anonVmaPrepare(k, v);
    yield* mapNewPage(k, mm, v, addr, 'wp_page_copy');
    return;
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
    return;
  }
  k.note(
    `yes (${page.mapcount} mappings${underMigration ? ', under migration' : ''}): copy on write`,
  );
  yield* anonVmaPrepare(k, v);
  yield* mapNewPage(k, mm, v, addr, 'wp_page_copy');
}
