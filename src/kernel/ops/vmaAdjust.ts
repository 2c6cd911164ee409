// vma_adjust / __vma_adjust (mm/mmap.c): change a VMA's range (and shift the boundary with
// the next one, insert a split-off VMA or remove merged ones). Whether the anon_vma (root)
// lock is held while vm_start / vm_end / vm_pgoff change is the crux of Mel's race (§8.1):
// 2.6.34 took none, 2.6.36 the root's when start moves / a VMA is inserted / an importer
// exists, 3.7+ whenever the VMA has an anon_vma (the interval tree must be re-keyed).
// 6.12 (`mergeRewrite`, mm/vma.c) does the same in other functions: dup_anon_vma, vma_prepare
// (lock, tree pre-update), commit_merge / __split_vma (the writes), vma_complete (insert, tree
// post-update, unlock, removals); before any of it, each VMA it changes is write-locked
// (`perVmaLock`).
import { step, type Gen, type K } from '../exec';
import { acquire, release, vmaLockTarget } from '../locks';
import { allocAvc, chainAddHead, listInsert, treePostUpdate, treePreUpdate } from '../objects';
import { avId, insertVmaSorted, resortVmas, vmaId, type AnonVma, type Vma } from '../state';
import { vmaStartWrite } from '../vmaLock';
import { anonVmaClone } from './anonVmaClone';
import { unlinkAnonVmas } from './unlinkAnonVmas';

export interface AdjustPlan {
  vma: Vma;
  start: number;
  end: number;
  pgoff: number;
  /** split: the new VMA to insert into the mm */
  insert?: Vma;
  /** merge: VMAs swallowed by `vma` */
  remove?: Vma[];
  /** mprotect cases 4 and 5: the boundary with the next VMA moves */
  next?: { vma: Vma; start: number; pgoff: number };
  /** the VMA that takes over pages from `exporter` and must share its anon_vmas */
  importer?: Vma;
  exporter?: Vma;
  /** the existing VMA whose range the caller changes (mprotect), write-locked first */
  first?: Vma;
}

/** Which function of each era a part of the change runs in. */
type Part = 'import' | 'prepare' | 'commit' | 'complete';

function fnOf(k: K, p: AdjustPlan, part: Part): string {
  if (!k.f.mergeRewrite) return '__vma_adjust';
  switch (part) {
    case 'import':
      return 'dup_anon_vma';
    case 'prepare':
      return 'vma_prepare';
    case 'commit':
      return p.insert ? '__split_vma' : 'commit_merge';
    case 'complete':
      return 'vma_complete';
  }
}

/**
 * The VMAs vma_start_write locks, in the kernel's order: the VMA being changed (vmg->vma, or
 * the one being split), then its neighbours by address (prev before next), then a split's new
 * half.
 */
export function writeLockOrder(p: AdjustPlan): Vma[] {
  const others = [p.vma, ...(p.next ? [p.next.vma] : []), ...(p.remove ?? [])].sort(
    (a, b) => a.start - b.start,
  );
  const all = [...(p.first ? [p.first] : []), ...others, ...(p.insert ? [p.insert] : [])];
  return all.filter((v, i) => all.indexOf(v) === i);
}

function lockTarget(k: K, p: AdjustPlan): AnonVma | null {
  const v = p.vma;
  const ref = v.anonVma ? v : p.next && p.next.vma.anonVma ? p.next.vma : null;
  if (!ref) return null;
  switch (k.f.adjustLock) {
    case 'none':
      return null;
    case 'always':
      return vmaLockTarget(k, ref);
    case 'conditional':
      return v.anonVma && (p.insert || p.importer || p.start !== v.start)
        ? vmaLockTarget(k, v)
        : null;
    case 'start-or-importer':
      return v.anonVma && (p.importer || p.start !== v.start) ? vmaLockTarget(k, v) : null;
  }
}

/** One micro-step per field that changes, as the kernel writes them one store at a time. */
function* writeRange(k: K, v: Vma, start: number, end: number, pgoff: number, fn: string): Gen {
  if (start !== v.start) {
    yield step(fn, 'vm_start', `${vmaId(v)}: vm_start ${v.start} → ${start}`);
    v.start = start;
    resortVmas(v.mm);
    k.touch(vmaId(v));
  }
  if (end !== v.end) {
    yield step(fn, 'vm_end', `${vmaId(v)}: vm_end ${v.end} → ${end}`);
    v.end = end;
    k.touch(vmaId(v));
  }
  if (pgoff !== v.pgoff) {
    yield step(fn, 'vm_pgoff', `${vmaId(v)}: vm_pgoff ${v.pgoff} → ${pgoff}`);
    v.pgoff = pgoff;
    k.touch(vmaId(v));
  }
}

export function* importAnonVma(k: K, importer: Vma, exporter: Vma, fn: string): Gen {
  const av = exporter.anonVma;
  if (!av || importer.anonVma) return;
  yield step(
    fn,
    'import',
    `${vmaId(importer)} imports pages from ${vmaId(exporter)}: clone its chain`,
  );
  // 3.19+ sets the pointer first so that anon_vma_clone neither reuses nor miscounts.
  if (k.f.reuse !== 'none') importer.anonVma = av;
  yield* anonVmaClone(k, importer, exporter);
  importer.anonVma = av;
  k.touch(vmaId(importer));
}

export function* vmaAdjust(k: K, p: AdjustPlan): Gen {
  const v = p.vma;
  if (k.f.perVmaLock) for (const w of writeLockOrder(p)) yield* vmaStartWrite(k, w, w === p.insert);
  if (p.importer && p.exporter) {
    yield* importAnonVma(k, p.importer, p.exporter, fnOf(k, p, 'import'));
  }
  let fn = fnOf(k, p, 'prepare');
  const target = lockTarget(k, p);
  if (target) yield* acquire(k, target, 'w', fn, 'lock');
  else if (v.anonVma) {
    yield step(fn, 'nolock', `no anon_vma lock taken (adjustLock: ${k.f.adjustLock})`);
  }
  const interval =
    k.f.tree === 'interval' && (v.chain.length > 0 || (p.next?.vma.chain.length ?? 0) > 0);
  if (interval) {
    yield step(
      fn,
      'pre-update',
      `take ${vmaId(v)}${p.next ? ` and ${vmaId(p.next.vma)}` : ''} out of the interval trees`,
    );
    treePreUpdate(k, v);
    if (p.next) treePreUpdate(k, p.next.vma);
  }
  fn = fnOf(k, p, 'commit');
  yield* writeRange(k, v, p.start, p.end, p.pgoff, fn);
  if (p.next) yield* writeRange(k, p.next.vma, p.next.start, p.next.vma.end, p.next.pgoff, fn);
  fn = fnOf(k, p, 'complete');
  if (p.insert) {
    const ins = p.insert;
    yield step(
      fn,
      'insert',
      k.f.mergeRewrite ? `vma_iter_store(${vmaId(ins)})` : `__insert_vm_struct(${vmaId(ins)})`,
    );
    insertVmaSorted(ins.mm, ins);
    k.touch(vmaId(ins));
    if (!k.f.avc && ins.anonVma) {
      const c = allocAvc(ins, ins.anonVma);
      chainAddHead(k, c);
      listInsert(k, c, 'tail');
      k.note(`__anon_vma_link: ${vmaId(ins)} → tail of ${avId(ins.anonVma)}'s list`);
    }
  }
  for (const r of p.remove ?? []) {
    const unlink = k.f.mergeRewrite
      ? `vma_iter_store: ${vmaId(v)} now covers ${vmaId(r)}, which leaves the tree`
      : `__vma_unlink(${vmaId(r)}): merged into ${vmaId(v)}`;
    yield step(k.f.mergeRewrite ? fnOf(k, p, 'commit') : fn, 'unlink-vma', unlink);
    const i = r.mm.vmas.indexOf(r);
    if (i >= 0) r.mm.vmas.splice(i, 1);
    k.touch(vmaId(r));
  }
  if (interval) {
    yield step(
      fn,
      'post-update',
      `re-insert ${vmaId(v)}${p.next ? ` and ${vmaId(p.next.vma)}` : ''} into the interval trees`,
    );
    treePostUpdate(k, v);
    if (p.next) treePostUpdate(k, p.next.vma);
  }
  if (target) yield* release(k, target, fn, 'unlock');
  for (const r of p.remove ?? []) {
    if (r.anonVma || r.chain.length > 0) yield* unlinkAnonVmas(k, r);
    yield step(fn, 'free-vma', `${k.f.mergeRewrite ? 'vm_area_free' : 'remove_vma'}(${vmaId(r)})`);
    r.freed = true;
  }
}
