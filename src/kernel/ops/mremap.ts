// mremap (MREMAP_MAYMOVE | MREMAP_FIXED) → move_vma (mm/mremap.c): copy_vma puts the range at its
// new address — merged into a compatible neighbour there, or as a new VMA cloning the old one's
// chain — then move_page_tables carries the page-table entries over one by one, then the old range
// is unmapped. The pages keep their index: the new VMA's vm_pgoff makes vma_address find them at
// the new place. The moves take no anon_vma lock, so a walk must meet the source before the
// destination (§8.10): a clone is linked at the tail, and from 3.7 a merge into a VMA that a walk
// may visit first makes the moves hold the anon_vma lock (need_rmap_locks, `moveRmapLocks`).
import { atomicAdd } from '../atomic';
import { OpError, step, type Gen, type K } from '../exec';
import { acquire, lockOf, release } from '../locks';
import { setPte } from '../pagetables';
import { findVma, insertVmaSorted, pteId, vmaId, type Mm, type Vma } from '../state';
import { vmaStartWrite, writeLockNew } from '../vmaLock';
import { anonVmaClone } from './anonVmaClone';
import { anonVmaLink } from './anonVmaFork';
import { munmap } from './munmap';
import { copyVma } from './splitVma';
import { vmaAdjust } from './vmaAdjust';
import { vmaMerge } from './vmaMerge';

/** The VMA at the new place, and whether the moves must hold the anon_vma lock. */
interface Copied {
  vma: Vma;
  needRmapLocks: boolean;
}

function* copyVmaTo(k: K, v: Vma, addr: number, newAddr: number, pages: number): Gen<Copied> {
  const fn = 'copy_vma';
  // A VMA that never faulted takes the new address as its offset, as a fresh mapping would.
  const pgoff = v.anonVma ? v.pgoff + (addr - v.start) : newAddr;
  yield step(fn, 'merge?', `can [${newAddr},${newAddr + pages}) join a neighbour there?`);
  const prev = [...v.mm.vmas].reverse().find((x) => x.end <= newAddr) ?? null;
  const attrs = { prot: v.prot, growsdown: v.growsdown, anonVma: v.anonVma, pgoff };
  const m = vmaMerge(v.mm, prev, newAddr, newAddr + pages, attrs);
  if (m) {
    k.note(`yes: ${vmaId(m.result)} grows over it`);
    yield* vmaAdjust(k, m.plan);
    // A merged destination whose offset is not above the source's may come first in a walk.
    const needRmapLocks = k.f.moveRmapLocks && !!v.anonVma && m.result.pgoff <= v.pgoff;
    if (needRmapLocks) {
      k.note(`vm_pgoff ${m.result.pgoff} ≤ ${v.pgoff}: the moves will hold the anon_vma lock`);
    }
    return { vma: m.result, needRmapLocks };
  }
  k.note('no: a new VMA');
  yield step(
    fn,
    'dup',
    `vm_area_dup(${vmaId(v)}) at [${newAddr},${newAddr + pages}), vm_pgoff ${pgoff}`,
  );
  const n = copyVma(k, v);
  n.start = newAddr;
  n.end = newAddr + pages;
  n.pgoff = pgoff;
  // anon_vma_clone; 2.6.33 has no chains: anon_vma_link puts the copy on the family's one list
  if (!k.f.avc) yield* anonVmaLink(k, n);
  else if (v.chain.length > 0) yield* anonVmaClone(k, n, v);
  const locked = k.f.perVmaLock ? ': vma_start_write, then store it' : '';
  yield step('vma_link', 'insert', `link ${vmaId(n)} into ${v.mm.pid}'s mm${locked}`);
  writeLockNew(k, n);
  insertVmaSorted(v.mm, n);
  k.touch(vmaId(n));
  return { vma: n, needRmapLocks: false };
}

/** move_page_tables: one entry at a time, under the page-table locks (and take_rmap_locks). */
function* movePageTables(
  k: K,
  v: Vma,
  addr: number,
  newAddr: number,
  pages: number,
  needRmapLocks: boolean,
): Gen {
  const mm = v.mm;
  const held = needRmapLocks && v.anonVma ? lockOf(k, v.anonVma) : null;
  if (held) yield* acquire(k, held, 'w', 'move_page_tables', 'rmap-lock');
  for (let i = 0; i < pages; i++) {
    const from = addr + i;
    yield step(
      'move_page_tables',
      'move',
      `move the entry at ${pteId(mm, from)} to ${pteId(mm, newAddr + i)}`,
    );
    const pte = mm.ptes.get(from);
    if (!pte) {
      k.note('none');
      continue;
    }
    setPte(k, mm, newAddr + i, { page: pte.page, migration: pte.migration });
    atomicAdd(pte.page, 'mapcount', -1);
    mm.ptes.delete(from);
    k.touch(pteId(mm, from));
  }
  if (held) yield* release(k, held, 'move_page_tables', 'rmap-unlock');
}

export function* mremap(k: K, mm: Mm, addr: number, pages: number, newAddr: number): Gen {
  const v = findVma(mm, addr);
  if (!v || v.end < addr + pages) {
    throw new OpError(
      `[${addr},${addr + pages}) is not inside one VMA of ${mm.pid} (EFAULT)`,
      'addr',
    );
  }
  const clash = mm.vmas.find((x) => x.start < newAddr + pages && x.end > newAddr);
  if (clash) {
    throw new OpError(
      `[${newAddr},${newAddr + pages}) overlaps ${vmaId(clash)}: the model moves only into free space`,
      'newAddr',
    );
  }
  yield step('move_vma', 'start', `move [${addr},${addr + pages}) of ${vmaId(v)} to ${newAddr}`);
  yield* vmaStartWrite(k, v);
  const copied = yield* copyVmaTo(k, v, addr, newAddr, pages);
  yield* movePageTables(k, v, addr, newAddr, pages, copied.needRmapLocks);
  yield step('move_vma', 'unmap-old', `do_munmap the old range [${addr},${addr + pages})`);
  yield* munmap(k, mm, addr, pages);
}
