// expand: a growsdown VMA grows down (expand_stack → expand_downwards, mm/mmap.c), any other
// grows up in place through vma_adjust (as mremap or brk do). expand_downwards writes
// vm_start and vm_pgoff under vma_lock_anon_vma: in 2.6.34 the VMA's *own* anon_vma lock,
// which a walker holding an ancestor's lock does not exclude (§8.1b).
import { OpError, step, type Gen, type K } from '../exec';
import { acquire, release, vmaLockTarget } from '../locks';
import { treePostUpdate, treePreUpdate } from '../objects';
import { findVma, resortVmas, vmaAfter, vmaBefore, vmaId, type Mm } from '../state';
import { vmaStartWrite } from '../vmaLock';
import { anonVmaPrepare } from './anonVmaPrepare';
import { vmaAdjust } from './vmaAdjust';

export function* expand(k: K, mm: Mm, addr: number, pages: number): Gen {
  const v = findVma(mm, addr);
  if (!v) throw new OpError(`no VMA at ${addr}`, 'addr');
  if (!v.growsdown) {
    const next = vmaAfter(mm, v);
    if (next && next.start < v.end + pages) {
      throw new OpError(`${vmaId(v)} cannot grow into ${vmaId(next)}`, 'pages');
    }
    yield step(
      k.f.mergeRewrite ? 'vma_expand' : 'vma_adjust',
      'grow-up',
      `grow ${vmaId(v)} up by ${pages} page(s)`,
    );
    yield* vmaAdjust(k, { vma: v, start: v.start, end: v.end + pages, pgoff: v.pgoff });
    return;
  }
  const prev = vmaBefore(mm, v);
  const start = v.start - pages;
  if (start < 0 || (prev && prev.end > start)) {
    throw new OpError(`${vmaId(v)} cannot grow down to ${start}`, 'pages');
  }
  const fn = 'expand_downwards';
  yield step(
    'expand_stack',
    'prepare',
    `expand_stack(${vmaId(v)}, ${start}): anon_vma_prepare first`,
  );
  yield* anonVmaPrepare(k, v);
  // 6.4 on: "Lock the VMA before expanding to prevent concurrent page faults"
  yield* vmaStartWrite(k, v);
  const target = vmaLockTarget(k, v);
  if (target) yield* acquire(k, target, 'w', fn, 'lock');
  const interval = k.f.tree === 'interval';
  if (interval) {
    yield step(fn, 'pre-update', `spin_lock(page_table_lock); take ${vmaId(v)} out of the trees`);
    treePreUpdate(k, v);
  }
  yield step(fn, 'vm_start', `${vmaId(v)}: vm_start ${v.start} → ${start}`);
  v.start = start;
  resortVmas(mm);
  k.touch(vmaId(v));
  yield step(fn, 'vm_pgoff', `${vmaId(v)}: vm_pgoff ${v.pgoff} → ${v.pgoff - pages}`);
  v.pgoff -= pages;
  k.touch(vmaId(v));
  if (interval) {
    yield step(fn, 'post-update', `re-insert ${vmaId(v)} into the trees`);
    treePostUpdate(k, v);
  }
  if (target) yield* release(k, target, fn, 'unlock');
}
