// anon_vma_fork (mm/rmap.c): the child VMA gets a copy of the parent's chain plus, at its
// head, a new anon_vma of its own (unless 3.19+ reuses an ancestor, or the 2014 length cap
// shares the parent's). 2.6.33 has no chains: the child simply joins the parent's anon_vma.
import { step, type Gen, type K } from '../exec';
import { acquire, lockOf, release } from '../locks';
import { allocAnonVma, allocAvc, chainAddHead, liveAv, listInsert } from '../objects';
import { avId, vmaId, type Vma } from '../state';
import { anonVmaClone, chainLinkLocked } from './anonVmaClone';
import { getAnonVma } from './putAnonVma';

/** anon_vma_link (2.6.33): the child VMA goes on the tail of the shared anon_vma's list. */
export function* anonVmaLink(k: K, v: Vma): Gen {
  const av = v.anonVma;
  if (!av) return;
  const fn = 'anon_vma_link';
  const target = lockOf(k, av);
  yield* acquire(k, target, 'w', fn, 'lock');
  yield step(fn, 'link', `list_add_tail(${vmaId(v)} → ${avId(av)}'s list)`);
  const c = allocAvc(v, av);
  chainAddHead(k, c);
  listInsert(k, c, 'tail');
  yield* release(k, target, fn, 'unlock');
}

export function* anonVmaFork(k: K, v: Vma, pv: Vma): Gen {
  if (!k.f.avc) return yield* anonVmaLink(k, v);
  const fn = 'anon_vma_fork';
  yield step(fn, 'check', `does ${vmaId(pv)} have an anon_vma?`);
  const pav = pv.anonVma;
  if (!pav) {
    k.note('no: nothing to do');
    return;
  }
  if (k.f.reuse !== 'none') {
    v.anonVma = null;
    k.note('yes; child vma->anon_vma = NULL before cloning (reuse may pick one)');
  } else k.note(`yes: ${avId(pav)}`);
  yield* anonVmaClone(k, v, pv);
  if (v.anonVma && k.f.reuse !== 'none') {
    yield step(fn, 'reused', `reused ${avId(v.anonVma)}: no new anon_vma`);
    return;
  }
  if (k.f.chainLimit !== undefined && pv.chain.length >= k.f.chainLimit) {
    yield step(
      fn,
      'limit',
      `chain length ${pv.chain.length} ≥ ${k.f.chainLimit}: share ${avId(pav)}`,
    );
    v.anonVma = pav;
    if (k.f.reuse === 'degree') pav.degree++;
    if (k.f.reuse === 'num_children') pav.numActiveVmas++;
    k.touch(vmaId(v));
    return;
  }
  yield step(fn, 'alloc', 'anon_vma_alloc() for the child');
  const av = allocAnonVma(k);
  if (k.f.reuse === 'num_children') av.numActiveVmas++;
  k.note(avId(av));
  if (k.f.trackRoot) {
    yield step(fn, 'root', `${avId(av)}->root = ${avId(pav)}->root`);
    liveAv(k, pav, 'read the root of');
    av.root = pav.root;
    if (k.f.reuse !== 'none') av.parent = pav;
    k.note(`= ${avId(av.root)}${k.f.reuse !== 'none' ? `; parent = ${avId(pav)}` : ''}`);
  }
  if (k.f.pinRoot && k.f.trackRoot) yield* getAnonVma(k, av.root, fn, 'the child pins its root');
  const c = allocAvc(v, av);
  if (!k.f.batchLock) {
    // 2.6.34 linked first and set the pointer last; 2.6.36 set it first.
    if (k.f.trackRoot) yield* setAnonVma(k, v, fn);
    yield* chainLinkLocked(k, c);
    if (!k.f.trackRoot) yield* setAnonVma(k, v, fn);
    return;
  }
  yield* setAnonVma(k, v, fn);
  const target = lockOf(k, av);
  if (k.f.chainAssign) {
    // 6.12: the same_vma list belongs to the child's mm (its mmap_lock is held), so the entry
    // joins it before the root lock; only the interval tree, which walkers read, needs the lock
    yield step(
      fn,
      'assign',
      `anon_vma_chain_assign(${vmaId(v)}, ${avId(av)}): head of ${vmaId(v)}'s chain`,
    );
    chainAddHead(k, c);
    yield* acquire(k, target, 'w', fn, 'lock');
    yield step(fn, 'tree-insert', `insert ${vmaId(v)} in ${avId(av)}'s interval tree`);
    listInsert(k, c, 'tail');
  } else {
    yield* acquire(k, target, 'w', fn, 'lock');
    yield step('anon_vma_chain_link', 'link', `link ${vmaId(v)} ↔ ${avId(av)}`);
    chainAddHead(k, c);
    listInsert(k, c, 'tail');
  }
  if (k.f.reuse !== 'none') {
    yield step(fn, 'count-parent', `count ${avId(av)} as a child of ${avId(av.parent)}`);
    if (k.f.reuse === 'degree') av.parent.degree++;
    else av.parent.numChildren++;
    k.touch(avId(av.parent));
  }
  yield* release(k, target, fn, 'unlock');

  function* setAnonVma(kk: K, vv: Vma, f: string): Gen {
    yield step(f, 'set', `${vmaId(vv)}->anon_vma = ${avId(av)}`);
    vv.anonVma = av;
    kk.touch(vmaId(vv));
  }
}
