// reclaim → page_referenced → page_referenced_anon (mm/rmap.c): vmscan asks how many mappings of
// a page were referenced. Unlike migration it pins nothing: page_lock_anon_vma finds the anon_vma
// from page->mapping under rcu_read_lock only, so the page can be unmapped and its anon_vma freed
// and reused (SLAB_DESTROY_BY_RCU) while the walker holds the pointer (§8.6).
// - before 2.6.36-rc3: lock anon_vma->root, walk, and unlock anon_vma->root read *again* — after
//   a reuse that is another family's root: the first root stays locked for ever;
// - f18194275c39 (`lockRecheck`): read the root once, lock it, and give up when the page is no
//   longer mapped (then the anon_vma may be anything; while it is mapped it cannot be freed);
// - 3.0+ (refcount eras): page_get_anon_vma takes a reference (atomic_inc_not_zero) and re-checks
//   page_mapped before locking. The 3.8+ trylock fast path behaves like the 2.6.36 fix.
import { atomicAdd } from '../atomic';
import { OpError, step, type Gen, type K } from '../exec';
import { acquire, drop, lockOf, release, unlockText } from '../locks';
import { avId, pteId, vmaAddress, vmaId, type AnonVma, type Mm, type Page } from '../state';
import { putAnonVma } from './putAnonVma';
import { covers } from './rmapWalk';

const mapped = (page: Page): boolean => page.mapcount > 0;

function* rcuUnlock(k: K, av: AnonVma, fn: string): Gen {
  yield step(fn, 'rcu-unlock', 'rcu_read_unlock()');
  av.rcuReaders--;
  k.s.rcuReaders--;
  k.touch(avId(av));
}

/** page_lock_anon_vma: the anon_vma whose list is now safe to walk, and the lock held. */
function* pageLockAnonVma(k: K, page: Page): Gen<{ av: AnonVma; held: AnonVma } | null> {
  const fn = 'page_lock_anon_vma';
  yield step(fn, 'mapping', `rcu_read_lock(); anon_vma = page ${page.pfn}->mapping`);
  const av = page.mapping;
  if (!av || !mapped(page)) {
    k.note(av ? 'page_mapped() is false: nothing to walk' : 'not an anonymous page');
    return null;
  }
  k.note(`${avId(av)}, page mapped`);
  av.rcuReaders++;
  k.s.rcuReaders++;
  k.touch(avId(av));
  if (k.f.refcount === 'refcount') {
    yield step('page_get_anon_vma', 'get', `atomic_inc_not_zero(&${avId(av)}->refcount)`);
    if (av.refcount === 0) {
      k.note('zero: it is being freed, give up');
      yield* rcuUnlock(k, av, fn);
      return null;
    }
    k.note(`refcount → ${atomicAdd(av, 'refcount', 1)}`);
    yield step('page_get_anon_vma', 'recheck', `page_mapped(page ${page.pfn}) still?`);
    if (!mapped(page)) {
      k.note('no: drop the reference');
      yield* rcuUnlock(k, av, fn);
      yield* putAnonVma(k, av);
      return null;
    }
    k.note('yes: the reference keeps it');
    yield* rcuUnlock(k, av, fn);
    const root = lockOf(k, av);
    yield* acquire(k, root, 'r', fn, 'lock', true);
    return { av, held: root };
  }
  const root = lockOf(k, av);
  if (k.f.trackRoot) {
    yield step(fn, 'root', `root = ${avId(av)}->root`);
    k.note(avId(root));
  }
  yield* acquire(k, root, 'r', fn, 'lock', true);
  if (k.f.lockRecheck) {
    yield step(fn, 'recheck', `page_mapped(page ${page.pfn}) still?`);
    if (!mapped(page)) {
      k.note(`no: ${avId(av)} may have been freed; unlock the root read above`);
      yield* release(k, root, fn, 'unlock-same', true);
      yield* rcuUnlock(k, av, fn);
      return null;
    }
    k.note('yes: its anon_vma cannot have been freed');
  }
  return { av, held: root };
}

export function* reclaim(k: K, mm: Mm, addr: number): Gen {
  const pte = mm.ptes.get(addr);
  if (!pte || pte.migration || pte.page === k.s.zeroPage) {
    throw new OpError(`no anonymous page is mapped at ${pteId(mm, addr)}`, 'addr');
  }
  const page = pte.page;
  const fn = 'page_referenced_anon';
  const got = yield* pageLockAnonVma(k, page);
  if (!got) return;
  const { av } = got;
  let referenced = 0;
  for (let i = 0; i < av.list.length; i++) {
    const c = av.list[i]!;
    // from 3.7 the interval tree yields only the VMAs whose range covers the page's index
    if (k.f.tree === 'interval' && !covers(c, page.index)) continue;
    const v = c.vma;
    const named = v.start;
    const on = ` on ${avId(av)}'s ${k.f.tree === 'interval' ? 'tree' : 'list'}`;
    yield step(fn, 'visit', `visit ${vmaId(v)}${on}`, `${v.serial}@${i}`);
    if (v.start !== named) k.out.retext(`visit ${vmaId(v)}${on}`);
    const at = vmaAddress(page, v);
    const hit = at >= v.start && at < v.end && v.mm.ptes.get(at)?.page === page;
    if (hit) referenced++;
    k.note(hit ? `${pteId(v.mm, at)} maps it: referenced` : 'does not map this page');
  }
  // page_unlock_anon_vma: the root is read again here; before the fix it may have changed.
  const unlockFn = 'page_unlock_anon_vma';
  if (k.f.refcount === 'refcount') {
    yield* release(k, got.held, unlockFn, 'unlock', true);
    yield* putAnonVma(k, av);
  } else {
    // The root is read again at the unlock; after a reuse it names another family's root.
    const now = lockOf(k, av);
    const was = now === got.held ? '' : ` — ${avId(av)}->root was ${avId(got.held)} when locked`;
    yield step(unlockFn, 'unlock', `${unlockText(k, now)}${was}`);
    drop(k, now, true);
    yield* rcuUnlock(k, av, unlockFn);
  }
  yield step(fn, 'done', `page ${page.pfn}: ${referenced} referenced mapping(s)`);
}
