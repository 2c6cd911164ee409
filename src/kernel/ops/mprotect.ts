// mprotect → mprotect_fixup (mm/mprotect.c): change the protection of [addr, addr+pages),
// VMA by VMA: merge with a neighbour when the new flags match (vma_merge), else split.
import { OpError, step, type Gen, type K } from '../exec';
import { vmaBefore, vmaId, type Mm, type Vma } from '../state';
import { vmaStartWrite } from '../vmaLock';
import { splitVma } from './splitVma';
import { vmaAdjust } from './vmaAdjust';
import { vmaMerge } from './vmaMerge';

function* fixup(
  k: K,
  v: Vma,
  prev: Vma | null,
  start: number,
  end: number,
  prot: 'r' | 'rw',
): Gen<Vma> {
  const fn = 'mprotect_fixup';
  if (v.prot === prot) {
    yield step(fn, 'same', `${vmaId(v)} is already ${prot}`);
    return v;
  }
  yield step(fn, 'merge?', `vma_merge: can [${start},${end}) ${prot} join a neighbour?`);
  const pgoff = v.pgoff + (start - v.start);
  const m = vmaMerge(v.mm, prev, start, end, {
    prot,
    growsdown: v.growsdown,
    anonVma: v.anonVma,
    pgoff,
  });
  if (m) {
    k.note(`yes: ${vmaId(m.result)} takes it`);
    yield* vmaAdjust(k, { ...m.plan, first: v });
    return m.result;
  }
  k.note('no: split');
  if (start !== v.start) yield* splitVma(k, v, start, true);
  if (end !== v.end) yield* splitVma(k, v, end, false);
  // 6.12: vma_start_write(vma) before vm_flags_reset (nothing when a split already locked it)
  yield* vmaStartWrite(k, v);
  yield step(fn, 'flags', `${vmaId(v)}->vm_flags: ${v.prot} → ${prot}`);
  v.prot = prot;
  k.touch(vmaId(v));
  return v;
}

export function* mprotect(k: K, mm: Mm, addr: number, pages: number, prot: 'r' | 'rw'): Gen {
  const end = addr + pages;
  const covered = mm.vmas.filter((v) => v.end > addr && v.start < end);
  let at = addr;
  for (const v of covered) {
    if (v.start > at) break;
    at = v.end;
  }
  if (covered.length === 0 || covered[0]!.start > addr || at < end) {
    throw new OpError(`mprotect of [${addr},${end}) touches unmapped pages (ENOMEM)`, 'addr');
  }
  let nstart = addr;
  let v: Vma | undefined = covered[0]!;
  let prev: Vma | null = addr > v.start ? v : (vmaBefore(mm, v) ?? null);
  while (v) {
    const tmp = Math.min(end, v.end);
    const done: Vma = yield* fixup(k, v, prev, nstart, tmp, prot);
    prev = done;
    nstart = Math.max(tmp, done.end);
    if (nstart >= end) break;
    v = mm.vmas.find((x) => x.start === nstart);
  }
}
