// migrate → unmap_and_move (mm/migrate.c): lock the page, pin its anon_vma (2.6.35+), unmap
// it to migration entries (try_to_unmap), copy it, then restore the entries to the new page
// (remove_migration_ptes) and drop the pin. Every entry must be restored (§8.1).
import { atomicAdd } from '../atomic';
import { OpError, step, type Gen, type K } from '../exec';
import { pageLockId } from '../ids';
import { acquireOther, holdQuietly, releaseOther, releaseQuietly } from '../locks';
import { mappersOf, newPage } from '../pagetables';
import { avId, pteId, type Mm, type Page } from '../state';
import { dropRef, getAnonVma } from './putAnonVma';
import { rmapWalk } from './rmapWalk';

export function* migrate(k: K, mm: Mm, addr: number): Gen {
  const fn = 'unmap_and_move';
  const pte = mm.ptes.get(addr);
  if (!pte || pte.migration || pte.page === k.s.zeroPage) {
    throw new OpError(`no anonymous page is mapped at ${pteId(mm, addr)}`, 'addr');
  }
  const page = pte.page;
  const owner = pageLockId(page.pfn);
  // 5.16 on (`folios`) the kernel locks and walks folios: the same steps under other names
  const lock = k.f.folios ? 'folio_lock' : 'lock_page';
  const unlock = k.f.folios ? 'folio_unlock' : 'unlock_page';
  const obj = k.f.folios ? 'folio' : 'page';
  /** unlock of the new page (held quietly since the copy) and of the old one */
  const unlockPages = function* (copy: Page | null): Gen {
    const text = `${copy ? `${unlock}(${obj} ${copy.pfn}); ` : ''}${unlock}(${obj} ${page.pfn})`;
    yield* releaseOther(k, page.lock, owner, { fn, line: 'unlock-page', text });
    if (copy) releaseQuietly(k, copy.lock, pageLockId(copy.pfn));
  };
  yield* acquireOther(k, page.lock, owner, 'w', false, {
    fn,
    line: 'lock-page',
    text: `${lock}(${obj} ${page.pfn} at ${pteId(mm, addr)})`,
  });
  // An anonymous page no longer mapped (its process exited meanwhile) is not migrated: nothing
  // would find it again, and its anon_vma may be gone (rcu_read_lock; page_mapped()).
  if (page.mapcount === 0) {
    k.note('page_mapped() is false: nothing to migrate');
    yield* unlockPages(null);
    return;
  }
  const av = page.mapping;
  if (av && k.f.refcount === 'refcount') {
    // page_get_anon_vma (3.0+): atomic_inc_not_zero, so an anon_vma on its way out is left alone
    yield step(
      fn,
      'get',
      `${k.f.folios ? 'folio_get_anon_vma' : 'page_get_anon_vma'}(${obj} ${page.pfn}): a reference unless ${avId(av)}'s count is zero`,
    );
    if (av.refcount === 0 || page.mapcount === 0) {
      k.note(
        av.refcount === 0 ? 'zero: it is being freed, nothing to migrate' : 'no longer mapped',
      );
      yield* unlockPages(null);
      return;
    }
    const n = atomicAdd(av, 'refcount', 1);
    k.touch(avId(av));
    k.note(`refcount ${n - 1} → ${n}`);
  } else if (av && k.f.refcount !== 'ksm')
    yield* getAnonVma(k, av, fn, 'keep the anon_vma while the page is unmapped');
  yield* rmapWalk(k, page, { kind: 'unmap' });
  const still = mappersOf(k, page, false);
  let target = page;
  if (still.length > 0) {
    yield step(
      fn,
      'busy',
      `page still mapped at ${still.map((m) => pteId(m.mm, m.addr)).join(', ')}: give up`,
    );
  } else {
    yield step('move_to_new_page', 'copy', `copy page ${page.pfn} to a new page`);
    target = newPage(k, page.mapping, page.index);
    // The new page stays locked until every entry points at it, so a write fault cannot reuse
    // it in place half restored. Nobody else can see it yet: no lock event of its own, it is
    // released with the old page's.
    holdQuietly(k, target.lock, pageLockId(target.pfn));
    k.note(`page ${target.pfn} (locked): mapping ${av ? avId(av) : 'NULL'}, index ${page.index}`);
  }
  yield* rmapWalk(k, page, { kind: 'restore', to: target });
  yield* unlockPages(target === page ? null : target);
  if (av && k.f.refcount !== 'ksm') yield* dropRef(k, av);
  yield step(fn, 'done', 'migration finished');
  for (const m of mappersOf(k, page, true)) {
    k.violation(
      'migration-entry-left',
      `migration of page ${page.pfn} finished but ${pteId(m.mm, m.addr)} still holds a migration entry`,
      [pteId(m.mm, m.addr)],
    );
  }
}
