// The per-VMA lock (6.4 on, flag `perVmaLock`; include/linux/mm.h in 6.12). A page fault
// read-locks one VMA with a trylock (vma_start_read) and falls back to mmap_lock when that fails.
// A writer, which holds mmap_lock for write, write-locks each VMA it changes (vma_start_write:
// it waits for the VMA's readers to leave); the VMA stays write-locked until mmap_lock is
// released or downgraded (vma_end_write_all). The model keeps the writer as the lock's holder
// for that whole time, which is what a reader's trylock sees in the kernel's vm_lock_seq.
import { step, type Gen, type K } from './exec';
import { canAcquire, take } from './locks';
import { vmaLockId } from './ids';
import { vmaId, type Mm, type Vma } from './state';

export const vmaOwner = (v: Vma): string => vmaLockId(vmaId(v));

/** vma_start_read: down_read_trylock of the VMA's lock; false when a writer has marked it. */
export function* vmaStartRead(k: K, v: Vma): Gen<boolean> {
  const owner = vmaOwner(v);
  yield step('vma_start_read', 'trylock', `down_read_trylock(${owner})`);
  if (canAcquire(v.vmLock, 'r', true)) {
    take(k, v.vmLock, 'r', owner);
    k.touch(vmaId(v));
    k.note('got it');
    return true;
  }
  k.out.lockEvent('trylock-fail', owner, 'r');
  k.note(`write-locked by cpu${v.vmLock.holders.join(' cpu')} (vm_lock_seq = mm_lock_seq): failed`);
  return false;
}

/** vma_end_read: up_read of the VMA's lock. */
export function* vmaEndRead(k: K, v: Vma, fn = 'vma_end_read', line = 'unlock', why = ''): Gen {
  const owner = vmaOwner(v);
  yield step(fn, line, `${why}up_read(${owner})`);
  const i = v.vmLock.holders.indexOf(k.cpu);
  if (i >= 0) v.vmLock.holders.splice(i, 1);
  if (v.vmLock.holders.length === 0) v.vmLock.mode = null;
  k.out.lockEvent('release', owner, 'r');
  k.touch(vmaId(v));
}

/**
 * vma_start_write: nothing when this CPU already write-locked the VMA under the mmap_lock it
 * holds (__is_vma_write_locked); else wait for the VMA's readers, then mark it write-locked.
 * `fresh`: a split's new half, not in the tree yet.
 */
export function* vmaStartWrite(k: K, v: Vma, fresh = false): Gen {
  if (!k.f.perVmaLock) return;
  if (v.vmLock.mode === 'w' && v.vmLock.holders.includes(k.cpu)) return;
  const owner = vmaOwner(v);
  const text = !fresh
    ? `vma_start_write(${vmaId(v)}): wait for its readers, then mark it write-locked`
    : `vma_start_write(${vmaId(v)}, the new [${v.start},${v.end})): not in the tree yet, so no reader holds it`;
  yield {
    fn: 'vma_start_write',
    line: 'lock',
    text,
    lock: { lock: v.vmLock, mode: 'w', av: null, owner, shared: true, vma: v },
  };
  take(k, v.vmLock, 'w', owner);
  v.mm.writeLocked.push({ vma: v, owner });
  k.touch(vmaId(v));
}

/**
 * vma_start_write on a VMA not yet in the tree (mmap_region, vma_link): nobody can read-lock it,
 * so it never waits and happens inside the step that inserts the VMA.
 */
export function writeLockNew(k: K, v: Vma): void {
  if (!k.f.perVmaLock) return;
  const owner = vmaOwner(v);
  take(k, v.vmLock, 'w', owner);
  v.mm.writeLocked.push({ vma: v, owner });
}

/**
 * vma_end_write_all (called by mmap_write_unlock and mmap_write_downgrade): mm_lock_seq moves on,
 * which ends every VMA write lock of the mm at once, including those of VMAs already removed.
 * The model ends them one micro-step each, so every lock event has its release; nothing a
 * reader could do in between differs from the kernel, where it may come just before or after.
 */
export function* vmaEndWriteAll(k: K, mm: Mm, fn: string): Gen {
  if (mm.writeLocked.length === 0) return;
  const inTree = new Set(mm.vmas);
  for (const { vma: v, owner } of mm.writeLocked) {
    const live = !v.freed && inTree.has(v);
    const now = vmaOwner(v);
    const was = owner.slice(vmaLockId('').length);
    const what = !live
      ? `the removed VMA ${was}`
      : now === owner
        ? vmaId(v)
        : `${vmaId(v)} (write-locked as ${was})`;
    yield step(
      fn,
      'end-write-all',
      `vma_end_write_all(${mm.pid}): ${what} is no longer write-locked`,
    );
    v.vmLock.holders = v.vmLock.holders.filter((c) => c !== k.cpu);
    if (v.vmLock.holders.length === 0) v.vmLock.mode = null;
    k.out.lockEvent('release', owner, 'w');
    if (live) k.touch(vmaId(v));
  }
  mm.writeLocked = [];
}
