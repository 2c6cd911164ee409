// munmap → do_munmap (mm/mmap.c): split at both ends of the range, zap the page tables,
// then free_pgtables → unlink_anon_vmas and remove_vma for each VMA inside. The syscall drops
// to the read lock once the VMAs are detached (`munmapDowngrade`, 4.20 on); from 6.4 each VMA
// is write-locked before it is detached (`perVmaLock`).
import { step, type Gen, type K } from '../exec';
import { mmapDowngrade } from '../mmapLock';
import { zapRange } from '../pagetables';
import { vmaAfter, vmaId, type Mm, type Vma } from '../state';
import { vmaStartWrite } from '../vmaLock';
import { splitVma } from './splitVma';
import { unlinkAnonVmas } from './unlinkAnonVmas';

/** unmap_vmas + free_pgtables + remove_vma for VMAs already detached from the mm. */
export function* removeVmas(k: K, mm: Mm, gone: Vma[]): Gen {
  for (const v of gone) {
    yield step('unmap_vmas', 'zap', `zap the page tables of ${vmaId(v)}`);
    const n = zapRange(k, mm, v.start, v.end);
    k.note(`${n} entr${n === 1 ? 'y' : 'ies'} cleared`);
  }
  for (const v of gone) {
    if (v.chain.length > 0 || v.anonVma) yield* unlinkAnonVmas(k, v);
    yield step('remove_vma', 'free', `free ${vmaId(v)}`);
    v.freed = true;
    k.touch(vmaId(v));
  }
}

/**
 * Whether munmap(2) downgrades mmap_lock: 6.1 keeps it for write when the VMA after the range
 * grows down (it could grow into the range under a read lock); 6.12 always drops it.
 */
function downgrades(k: K, next: Vma | undefined): boolean {
  if (k.f.munmapDowngrade === 'always') return true;
  return k.f.munmapDowngrade === 'unless-stack' && !next?.growsdown;
}

/** `syscall`: munmap(2) itself, which may downgrade; mremap unmaps its old range without. */
export function* munmap(k: K, mm: Mm, addr: number, pages: number, syscall = false): Gen {
  const end = addr + pages;
  yield step('do_munmap', 'find', `find the VMAs in [${addr},${end})`);
  const first = mm.vmas.find((v) => v.end > addr && v.start < end);
  if (!first) {
    k.note('nothing mapped there');
    return;
  }
  if (first.start < addr) yield* splitVma(k, first, addr, false);
  const last = mm.vmas.find((v) => v.start < end && v.end > end);
  if (last) yield* splitVma(k, last, end, true);
  const gone = mm.vmas.filter((v) => v.start >= addr && v.end <= end);
  for (const v of gone) yield* vmaStartWrite(k, v);
  const next = gone.length > 0 ? vmaAfter(mm, gone[gone.length - 1]!) : undefined;
  yield step('detach_vmas_to_be_unmapped', 'detach', `detach ${gone.map(vmaId).join(', ')}`);
  for (const v of gone) mm.vmas.splice(mm.vmas.indexOf(v), 1);
  if (syscall && downgrades(k, next)) yield* mmapDowngrade(k, mm);
  yield* removeVmas(k, mm, gone);
}
