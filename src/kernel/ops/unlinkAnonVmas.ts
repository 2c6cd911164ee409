// unlink_anon_vmas (mm/rmap.c): a VMA going away (munmap, exit, merge) leaves every anon_vma
// on its chain, newest first; an anon_vma left with an empty list (and no references) is freed.
// Before 3.0 each entry is unlinked under its own lock round (anon_vma_unlink); from 3.0 one
// root lock covers a first pass and the frees happen in a second pass without it.
import { step, type Gen, type K } from '../exec';
import { acquire, lockOf, release } from '../locks';
import { chainRemove, freeAnonVma, freeAvc, liveAv, listRemove } from '../objects';
import { avId, avcId, vmaId, type AnonVma, type Avc, type Vma } from '../state';
import { dropAnonVma, putAnonVma } from './putAnonVma';

/** anon_vma_unlink (2.6.33–2.6.36): one entry, under its (root) lock. */
function* anonVmaUnlink(k: K, c: Avc): Gen {
  const fn = 'anon_vma_unlink';
  const av = c.av;
  const target = lockOf(k, av);
  yield* acquire(k, target, 'w', fn, 'lock');
  yield step(fn, 'del', `list_del(${avcId(c)}) from ${avId(av)}'s list`);
  listRemove(k, c);
  const empty = av.list.length === 0 && av.refcount === 0;
  k.note(empty ? `${avId(av)} is now empty and unreferenced` : `${avId(av)} stays`);
  yield* release(k, target, fn, 'unlock');
  if (!empty) return;
  if (k.f.pinRoot && k.f.trackRoot && av.root !== av) yield* dropAnonVma(k, av.root);
  yield step(fn, 'free', `anon_vma_free(${avId(av)})`);
  freeAnonVma(k, av);
}

function* freeChainEntry(k: K, c: Avc, fn: string): Gen {
  yield step(fn, 'free-avc', `list_del(same_vma); anon_vma_chain_free(${avcId(c)})`);
  chainRemove(k, c);
  freeAvc(k, c);
}

export function* unlinkAnonVmas(k: K, v: Vma): Gen {
  const fn = 'unlink_anon_vmas';
  if (!k.f.batchLock) {
    for (const c of [...v.chain]) {
      yield* anonVmaUnlink(k, c);
      yield* freeChainEntry(k, c, fn);
    }
    return;
  }
  // Pass 1, under one root lock: take every entry off its anon_vma's tree.
  let held: AnonVma | null = null;
  const keep: Avc[] = [];
  for (const c of [...v.chain]) {
    const av = c.av;
    liveAv(k, av, 'unlinked from');
    const target = lockOf(k, av);
    if (target !== held) {
      if (held) yield* release(k, held, 'lock_anon_vma_root', 'switch');
      held = target;
      yield* acquire(k, target, 'w', 'lock_anon_vma_root', 'lock');
    }
    yield step(
      fn,
      'remove',
      `remove ${avcId(c)} from ${avId(av)}'s ${k.f.tree === 'interval' ? 'tree' : 'list'}`,
    );
    listRemove(k, c);
    if (av.list.length === 0) {
      keep.push(c);
      k.note(`${avId(av)} is empty: keep the entry for pass 2`);
      if (k.f.reuse === 'degree') av.parent.degree--;
      if (k.f.reuse === 'num_children') av.parent.numChildren--;
      if (k.f.reuse !== 'none') k.touch(avId(av.parent));
    } else {
      k.note(`free ${avcId(c)}`);
      chainRemove(k, c);
      freeAvc(k, c);
    }
  }
  if (v.anonVma && k.f.reuse !== 'none') {
    yield step(fn, 'uncount', `drop ${vmaId(v)} from ${avId(v.anonVma)}'s count`);
    const av = v.anonVma;
    if (k.f.reuse === 'degree') av.degree--;
    else {
      av.numActiveVmas--;
      v.anonVma = null;
    }
    k.touch(avId(av));
  }
  if (held) yield* release(k, held, 'unlock_anon_vma_root', 'unlock');
  // Pass 2, no lock held: __put_anon_vma may need to take the root lock itself.
  for (const c of keep) {
    yield* putAnonVma(k, c.av);
    yield* freeChainEntry(k, c, fn);
  }
}
