// anon_vma_prepare (mm/rmap.c): give a VMA its anon_vma on the first write fault — an
// adjacent VMA's anon_vma when it can be shared (find_mergeable_anon_vma), else a new root.
import { step, type Gen, type K } from '../exec';
import { acquire, lockOf, release } from '../locks';
import { allocAnonVma, allocAvc, chainAddHead, freeAnonVma, listInsert } from '../objects';
import { avId, vmaAfter, vmaBefore, vmaId, type AnonVma, type Vma } from '../state';

/** anon_vma_compatible: adjacent, same flags apart from the access bits, contiguous pgoff. */
export function anonVmaCompatible(a: Vma, b: Vma): boolean {
  return (
    a.end === b.start && a.growsdown === b.growsdown && b.pgoff === a.pgoff + (b.start - a.start)
  );
}

/** reusable_anon_vma: the neighbour's anon_vma, only if its chain is a single entry. */
function reusable(old: Vma, a: Vma, b: Vma): AnonVma | null {
  if (!anonVmaCompatible(a, b)) return null;
  const av = old.anonVma;
  return av && old.chain.length === 1 ? av : null;
}

/** find_mergeable_anon_vma: try the next VMA first, then the previous one. */
export function findMergeable(v: Vma): AnonVma | null {
  const next = vmaAfter(v.mm, v);
  const fromNext = next ? reusable(next, v, next) : null;
  if (fromNext) return fromNext;
  const prev = vmaBefore(v.mm, v);
  return prev ? reusable(prev, prev, v) : null;
}

export function* anonVmaPrepare(k: K, v: Vma): Gen {
  if (v.anonVma) return;
  const fn = '__anon_vma_prepare';
  const chains = k.f.avc;
  yield step(fn, 'alloc-avc', chains ? 'anon_vma_chain_alloc()' : 'vma->anon_vma is NULL');
  yield step('find_mergeable_anon_vma', 'find', 'can a neighbouring VMA’s anon_vma be shared?');
  let av = findMergeable(v);
  let allocated: AnonVma | null = null;
  if (av) k.note(`yes: ${avId(av)}`);
  else {
    k.note('no');
    yield step(fn, 'alloc', 'anon_vma_alloc(): a new root');
    av = allocated = allocAnonVma(k);
    if (k.f.reuse === 'num_children') av.numChildren++;
    k.note(`${avId(av)}`);
  }
  const target = lockOf(k, av);
  yield* acquire(k, target, 'w', fn, 'lock');
  yield step(fn, 'install', `spin_lock(page_table_lock); vma->anon_vma still NULL?`);
  if (v.anonVma) {
    k.note('no: another CPU won the race');
  } else {
    const c = allocAvc(v, av);
    v.anonVma = av;
    k.touch(vmaId(v));
    k.note(`${vmaId(v)}->anon_vma = ${avId(av)}`);
    chainAddHead(k, c);
    yield step(
      fn,
      'link',
      `add ${vmaId(v)} to ${avId(av)}'s ${k.f.tree === 'interval' ? 'interval tree' : 'list'}`,
    );
    listInsert(k, c, k.f.tailInsert ? 'tail' : 'head');
    if (k.f.reuse === 'degree') av.degree++;
    if (k.f.reuse === 'num_children') av.numActiveVmas++;
    allocated = null;
  }
  yield* release(k, target, fn, 'unlock');
  if (allocated) {
    yield step(fn, 'free-unused', `free the unused ${avId(allocated)}`);
    freeAnonVma(k, allocated);
  }
}
