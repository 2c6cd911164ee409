// __split_vma (mm/mmap.c): cut a VMA at `addr`. The new VMA is a copy; it gets its own
// anon_vma_chain (anon_vma_clone) before vma_adjust shrinks the old one and inserts it.
import { freshId } from '../atomic';
import { OpError, step, type Gen, type K } from '../exec';
import { newLock, vmaId, type Vma } from '../state';
import { anonVmaClone } from './anonVmaClone';
import { vmaAdjust } from './vmaAdjust';

export function copyVma(k: K, v: Vma): Vma {
  return {
    serial: freshId(k.s, 'nextVma'),
    mm: v.mm,
    start: v.start,
    end: v.end,
    pgoff: v.pgoff,
    prot: v.prot,
    growsdown: v.growsdown,
    anonVma: v.anonVma,
    chain: [],
    freed: false,
    // vm_area_dup allocates a fresh, unlocked vma_lock (vma_lock_alloc)
    vmLock: newLock(),
  };
}

/** newBelow: the new VMA is the part below addr (mprotect's first cut, munmap's last). */
export function* splitVma(k: K, v: Vma, addr: number, newBelow: boolean): Gen<Vma> {
  const fn = '__split_vma';
  if (addr <= v.start || addr >= v.end) throw new OpError(`cannot split ${vmaId(v)} at ${addr}`);
  yield step(
    fn,
    'dup',
    `vm_area_dup(${vmaId(v)}): the part ${newBelow ? 'below' : 'from'} ${addr}`,
  );
  const n = copyVma(k, v);
  if (newBelow) n.end = addr;
  else {
    n.start = addr;
    n.pgoff = v.pgoff + (addr - v.start);
  }
  if (k.f.avc && v.chain.length > 0) yield* anonVmaClone(k, n, v);
  if (newBelow) {
    yield* vmaAdjust(k, {
      vma: v,
      start: addr,
      end: v.end,
      pgoff: v.pgoff + (addr - v.start),
      insert: n,
    });
  } else {
    yield* vmaAdjust(k, { vma: v, start: v.start, end: addr, pgoff: v.pgoff, insert: n });
  }
  return n;
}
