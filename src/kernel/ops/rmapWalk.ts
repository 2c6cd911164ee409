// rmap_walk_anon / try_to_unmap_anon (mm/rmap.c): from a page to every VMA that may map it,
// through page->mapping's same_anon_vma list (interval tree from 3.7). Which lock the walk
// holds is the whole story of the 2010 thread: the page's own anon_vma (2.6.34), the root
// (2.6.36+; for read from 3.8), Mel's trylock dance, Linus's deepest anon_vma, or none (the
// 2012 lock-free RFC). At the end the walk checks that it reached every PTE of the page.
import { step, type Gen, type K } from '../exec';
import { acquire, lockOf, release, tryAcquire } from '../locks';
import { liveAv } from '../objects';
import { mappersOf, setPte } from '../pagetables';
import {
  avId,
  avcId,
  findVma,
  pteId,
  vmaAddress,
  vmaId,
  type AnonVma,
  type Avc,
  type Page,
} from '../state';

export type WalkPurpose = { kind: 'unmap' } | { kind: 'restore'; to: Page };

/** Whether an AVC's VMA spans page index `index` (the interval tree's query). */
export function covers(avc: Avc, index: number): boolean {
  const v = avc.vma;
  return v.pgoff <= index && index < v.pgoff + (v.end - v.start);
}

/** The next AVC the walker reaches after `cur` (or the first when cur is null). */
function nextAvc(
  k: K,
  av: AnonVma,
  cur: Avc | null,
  at: number,
  index: number,
): { avc: Avc | null; at: number } {
  let i = cur === null ? 0 : cur.onList ? av.list.indexOf(cur) + 1 : at;
  while (i < av.list.length) {
    const c = av.list[i]!;
    if (k.f.tree !== 'interval' || covers(c, index)) return { avc: c, at: i };
    i++;
  }
  return { avc: null, at: i };
}

function* lockForWalk(k: K, av: AnonVma, fn: string): Gen<AnonVma | null> {
  if (k.f.rmapWalkLock === 'none') {
    const what = k.f.tree === 'interval' ? 'tree' : 'list';
    yield step(fn, 'rcu', `rcu_read_lock() only: walk the ${what} without the anon_vma lock`);
    return null;
  }
  const mode = k.f.rmapWalkLock === 'read' ? 'r' : 'w';
  if (k.f.lockDeepest && !(k.f.rootLock && k.f.trackRoot)) {
    yield* acquire(k, av, mode, fn, 'lock-page-av');
    // Linus's sketch reads the first entry, then that VMA's chain: two loads, and the lock held
    // (the page's own anon_vma's) is not the one writers of that list take.
    yield step(fn, 'first-avc', `avc = first entry of ${avId(av)}'s list`);
    const first = av.list[0] ?? null;
    k.note(first ? avcId(first) : 'empty list');
    yield step(fn, 'deepest', 'root = avc->vma->anon_vma_chain.prev->anon_vma (the chain’s tail)');
    let deep = av;
    if (first) {
      if (first.freed) {
        k.violation(
          'use-after-free',
          `the walk read ${avcId(first)}'s VMA chain after it was freed`,
          [avcId(first)],
        );
      }
      const tail = first.vma.chain[first.vma.chain.length - 1];
      deep = tail ? tail.av : av;
    }
    k.note(avId(deep));
    if (deep === av) return av;
    yield* release(k, av, fn, 'unlock-page-av');
    yield* acquire(k, deep, mode, fn, 'lock-deepest');
    return deep;
  }
  const target = lockOf(k, av);
  yield* acquire(k, target, mode, fn, 'lock');
  return target;
}

export function* rmapWalk(k: K, page: Page, purpose: WalkPurpose): Gen {
  const fn = purpose.kind === 'unmap' ? 'try_to_unmap_anon' : 'rmap_walk_anon';
  yield step(
    fn,
    'anon-vma',
    k.f.folios
      ? `anon_vma = folio_anon_vma(folio ${page.pfn})`
      : `anon_vma = page_anon_vma(page ${page.pfn})`,
  );
  const av = page.mapping;
  if (!av) {
    k.note('not an anonymous page');
    return;
  }
  k.note(avId(av));
  liveAv(k, av, 'walked');
  k.out.checkpoint('walk');
  let held = yield* lockForWalk(k, av, fn);
  const dance: AnonVma[] = [];
  const handled = new Set<string>();
  let { avc: cur, at } = nextAvc(k, av, null, 0, page.index);
  while (cur) {
    const c: Avc = cur;
    const named = c.vma.start;
    // the cursor (this AVC, and where it was on the list) is the walker's own state
    yield step(fn, 'visit', `visit ${avcId(c)}`, `${c.vma.serial}/${c.av.n}@${at}`);
    k.visiting = c;
    // worded again if the VMA was renamed (its start moved) while this CPU waited
    if (c.vma.start !== named) k.out.retext(`visit ${avcId(c)}`);
    if (c.freed) {
      k.violation(
        'use-after-free',
        `the walk of page ${page.pfn} reached ${avcId(c)}, which was freed`,
        [avcId(c)],
      );
      break;
    }
    const v = c.vma;
    const vav = v.anonVma;
    if (
      k.f.lockDance &&
      vav &&
      held &&
      lockOf(k, vav) !== held &&
      !dance.includes(lockOf(k, vav))
    ) {
      const got: boolean = yield* tryAcquire(k, lockOf(k, vav), 'w', fn, 'dance-trylock');
      if (!got) {
        for (const d of dance.splice(0)) yield* release(k, d, fn, 'dance-unlock');
        yield* release(k, held, fn, 'dance-restart');
        k.visiting = null;
        k.out.count('restarts');
        k.out.rewind('walk');
        held = yield* lockForWalk(k, av, fn);
        handled.clear();
        ({ avc: cur, at } = nextAvc(k, av, null, 0, page.index));
        continue;
      }
      dance.push(lockOf(k, vav));
    }
    yield* visitPte(k, c, page, purpose, handled);
    ({ avc: cur, at } = nextAvc(k, av, c, at, page.index));
  }
  for (const d of dance.splice(0)) yield* release(k, d, fn, 'dance-unlock');
  if (held) yield* release(k, held, fn, 'unlock');
  else yield step(fn, 'rcu-unlock', 'rcu_read_unlock()');
  // the walk is over once its lock is dropped (the walker stays on its last VMA until then)
  k.visiting = null;
  const left = mappersOf(k, page, purpose.kind === 'unmap' ? false : true).filter(
    (m) => !handled.has(pteId(m.mm, m.addr)),
  );
  for (const m of left) {
    const v = findVma(m.mm, m.addr);
    k.violation(
      'rmap-miss',
      `the ${fn} walk of page ${page.pfn} did not reach ${pteId(m.mm, m.addr)}${v ? ` in ${vmaId(v)}` : ''}`,
      [pteId(m.mm, m.addr), ...(v ? [vmaId(v)] : []), avId(av)],
    );
  }
}

/**
 * try_to_unmap_one / remove_migration_pte: one VMA, at the address the page would have. The
 * PTE is read and changed in one step, as the kernel does under the page-table lock.
 */
function* visitPte(k: K, c: Avc, page: Page, purpose: WalkPurpose, handled: Set<string>): Gen {
  const v = c.vma;
  const addr = vmaAddress(page, v);
  if (addr < v.start || addr >= v.end) {
    k.note(`vma_address = ${addr} ∉ [${v.start},${v.end}): skip`);
    return;
  }
  const id = pteId(v.mm, addr);
  handled.add(id);
  k.note(`vma_address = ${addr}`);
  const unmap = purpose.kind === 'unmap';
  yield step(
    unmap ? 'try_to_unmap_one' : 'remove_migration_pte',
    'pte',
    `${id}: take the PTE lock and look`,
  );
  const pte = v.mm.ptes.get(addr);
  if (!pte || pte.page !== page || pte.migration === unmap) {
    k.note(unmap ? 'does not map this page' : 'no migration entry for this page');
    return;
  }
  if (unmap) {
    k.note('install a migration entry');
    setPte(k, v.mm, addr, { page, migration: true });
  } else {
    k.note(`migration entry → page ${purpose.to.pfn}`);
    setPte(k, v.mm, addr, { page: purpose.to, migration: false });
  }
}
