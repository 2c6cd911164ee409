// fork → dup_mmap (kernel/fork.c): for each parent VMA, copy it, anon_vma_fork it, link it
// into the child mm, then copy_page_range — after the chain is linked, and without any
// anon_vma lock (only the page-table locks), which is why list order matters (§8.10).
import { step, type Gen, type K } from '../exec';
import { copyRange } from '../pagetables';
import { insertVmaSorted, vmaId, type Mm } from '../state';
import { vmaStartWrite } from '../vmaLock';
import { anonVmaFork } from './anonVmaFork';
import { newMm } from './mmap';
import { copyVma } from './splitVma';

export function* fork(k: K, parent: Mm, childPid: string): Gen {
  yield step('dup_mmap', 'mm', `${parent.pid} forks ${childPid}`);
  const child = newMm(k, childPid, parent.pid);
  for (const pv of [...parent.vmas]) {
    // 6.4 on: the parent's VMA is write-locked before it is copied, so no fault under the
    // per-VMA lock changes it (or its page tables) while copy_page_range runs
    yield* vmaStartWrite(k, pv);
    yield step('dup_mmap', 'dup', `vm_area_dup(${vmaId(pv)})`);
    const v = copyVma(k, pv);
    v.mm = child;
    yield* anonVmaFork(k, v, pv);
    yield step('dup_mmap', 'link', `link ${vmaId(v)} into ${childPid}'s mm`);
    insertVmaSorted(child, v);
    k.touch(vmaId(v));
    if (!pv.anonVma) continue;
    yield step('copy_page_range', 'copy', `copy ${vmaId(pv)}'s page-table entries to ${childPid}`);
    const n = copyRange(k, parent, child, pv.start, pv.end);
    k.note(`${n} entr${n === 1 ? 'y' : 'ies'}`);
  }
}
