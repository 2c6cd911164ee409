// Dropping references on an anon_vma, per era:
// - 2.6.33–2.6.36 drop_anon_vma (mm/ksm.c, then mm/rmap.c): atomic_dec_and_lock on the
//   (root) lock, free when the list is empty; with patch 5/5 also the root's pin, child first.
// - 3.0+ put_anon_vma / __put_anon_vma / anon_vma_free (refcount starts at 1 for the list).
import { atomicAdd, atomicAddReturn } from '../atomic';
import { step, type Gen, type K } from '../exec';
import { acquire, lockOf, release } from '../locks';
import { freeAnonVma, liveAv } from '../objects';
import { avId, type AnonVma } from '../state';

/** get_anon_vma / hold_anon_vma: one more reference. */
export function* getAnonVma(k: K, av: AnonVma, fn: string, why: string): Gen {
  yield step(fn, 'get', `get_anon_vma(${avId(av)}): ${why}`);
  liveAv(k, av, 'took a reference on');
  const n = atomicAdd(av, 'refcount', 1);
  k.touch(avId(av));
  k.note(`refcount ${n - 1} → ${n}`);
}

/** Drop a KSM/migration reference the way the era does it. */
export function* dropRef(k: K, av: AnonVma): Gen {
  if (k.f.refcount === 'refcount') yield* putAnonVma(k, av);
  else yield* dropAnonVma(k, av);
}

/** drop_anon_vma (E0–E2). `ksmDrop` picks dec-and-lock (merged) or dec-then-lock (Linus's question). */
export function* dropAnonVma(k: K, av: AnonVma): Gen {
  const fn = 'drop_anon_vma';
  const root = k.f.pinRoot && k.f.trackRoot ? av.root : av;
  if (k.f.ksmDrop === 'dec-and-lock') {
    yield step(fn, 'dec-and-lock', `atomic_dec_and_lock(&${avId(av)}->refcount, lock)`);
    liveAv(k, av, 'dropped a reference on');
    if (av.refcount > 1) {
      const n = atomicAdd(av, 'refcount', -1);
      k.note(`refcount → ${n}, not the last: no lock taken`);
      return;
    }
    yield* acquire(k, lockOf(k, av), 'w', fn, 'dec-and-lock');
    const n = atomicAddReturn(av, 'refcount', -1);
    k.note(`refcount → ${n} under the lock`);
    if (n !== 0) {
      yield* release(k, lockOf(k, av), fn, 'unlock');
      return;
    }
  } else {
    yield step(fn, 'dec-and-test', `atomic_dec_and_test(&${avId(av)}->refcount)`);
    liveAv(k, av, 'dropped a reference on');
    const n = atomicAddReturn(av, 'refcount', -1);
    k.note(`refcount → ${n} (no lock held)`);
    if (n !== 0) return;
    yield* acquire(k, lockOf(k, av), 'w', fn, 'lock');
  }
  yield step(fn, 'empty', `list_empty(&${avId(av)}->head)?`);
  liveAv(k, av, 'read the list of');
  const empty = av.list.length === 0;
  let lastRootUser = false;
  let rootEmpty = false;
  if (empty && root !== av) {
    const n = atomicAddReturn(root, 'refcount', -1);
    lastRootUser = n === 0;
    rootEmpty = root.list.length === 0;
    k.note(`empty; root ${avId(root)} refcount → ${n}`);
  } else k.note(empty ? 'empty' : 'not empty: keep it');
  const held = lockOf(k, av);
  yield* release(k, held, fn, 'unlock');
  if (empty) {
    yield step(fn, 'free', `anon_vma_free(${avId(av)})`);
    freeAnonVma(k, av);
    if (rootEmpty && lastRootUser) {
      yield step(fn, 'free-root', `anon_vma_free(${avId(root)}) — the root, after its last child`);
      freeAnonVma(k, root);
    }
  }
}

/** put_anon_vma (3.0+): atomic_dec_and_test, then __put_anon_vma. */
export function* putAnonVma(k: K, av: AnonVma): Gen {
  yield step('put_anon_vma', 'dec', `atomic_dec_and_test(&${avId(av)}->refcount)`);
  liveAv(k, av, 'dropped a reference on');
  const n = atomicAddReturn(av, 'refcount', -1);
  k.touch(avId(av));
  k.note(`refcount → ${n}`);
  if (n === 0) yield* putLast(k, av);
}

/** __put_anon_vma: before 624483f3ea82 the root could be freed before the child. */
function* putLast(k: K, av: AnonVma): Gen {
  const fn = '__put_anon_vma';
  const root = av.root;
  const pinned = k.f.pinRoot && root !== av;
  if (k.f.childFirstFree) {
    yield* anonVmaFree(k, av);
    if (pinned) yield* dropRoot(k, root, fn);
  } else {
    if (pinned) yield* dropRoot(k, root, fn);
    yield* anonVmaFree(k, av);
  }
}

function* dropRoot(k: K, root: AnonVma, fn: string): Gen {
  yield step(fn, 'root', `atomic_dec_and_test(&${avId(root)}->refcount) — the root's pin`);
  liveAv(k, root, 'dropped the pin on');
  const n = atomicAddReturn(root, 'refcount', -1);
  k.touch(avId(root));
  k.note(`root refcount → ${n}`);
  if (n === 0) yield* anonVmaFree(k, root);
}

/** anon_vma_free (3.0+): wait out a walker that trylocked the root, then free. */
export function* anonVmaFree(k: K, av: AnonVma): Gen {
  const fn = 'anon_vma_free';
  yield step(fn, 'root-locked', `is ${avId(av)}->root's lock held?`);
  const root = lockOf(k, av);
  if (root !== av) liveAv(k, root, `anon_vma_free(${avId(av)}) read the lock of its root`);
  if (root.lock.holders.length > 0 && !root.freed) {
    k.note('yes: take and drop it once');
    yield* acquire(k, root, 'w', fn, 'lock');
    yield* release(k, root, fn, 'unlock');
  }
  yield step(fn, 'free', `kmem_cache_free(${avId(av)})`);
  freeAnonVma(k, av);
}
