// An mm's mmap semaphore as each era names and takes it: down_read(mmap_sem) up to 5.7,
// mmap_read_lock(mm) from 5.8 (`mmapLock`), whose write unlock and downgrade also end every
// per-VMA write lock of the mm (vma_end_write_all, 6.4 on: include/linux/mmap_lock.h).
import { step, type Gen, type K } from './exec';
import { canAcquire, take } from './locks';
import { mmapLockId } from './ids';
import type { Mm, Mode } from './state';
import { vmaEndWriteAll } from './vmaLock';

/** The model's function name for the semaphore's steps (the code panel's entry). */
export const mmapFn = (k: K): string => (k.f.mmapLock ? 'mmap_lock' : 'mmap_sem');

export const mmapLockOwner = (k: K, mm: Mm): string => mmapLockId(mm.pid, k.f.mmapLock);

function lockText(k: K, mm: Mm, mode: Mode): string {
  if (k.f.mmapLock) return `mmap_${mode === 'w' ? 'write' : 'read'}_lock(${mm.pid})`;
  return `${mode === 'w' ? 'down_write' : 'down_read'}(${mmapLockOwner(k, mm)})`;
}

function unlockText(k: K, mm: Mm, mode: Mode): string {
  if (k.f.mmapLock) return `mmap_${mode === 'w' ? 'write' : 'read'}_unlock(${mm.pid})`;
  return `${mode === 'w' ? 'up_write' : 'up_read'}(${mmapLockOwner(k, mm)})`;
}

/** Take the semaphore, waiting for it (mmap_read_lock / mmap_write_lock). */
export function* mmapLock(k: K, mm: Mm, mode: Mode, fn = mmapFn(k), line = 'lock'): Gen {
  const owner = mmapLockOwner(k, mm);
  yield {
    fn,
    line,
    text: lockText(k, mm, mode),
    lock: { lock: mm.mmapSem, mode, av: null, owner, shared: true },
  };
  take(k, mm.mmapSem, mode, owner);
}

/** mmap_read_trylock: never waits; false when a writer holds the semaphore. */
export function* mmapReadTrylock(
  k: K,
  mm: Mm,
  fn: string,
  line: string,
  why: string,
): Gen<boolean> {
  const owner = mmapLockOwner(k, mm);
  yield step(fn, line, `${why}: mmap_read_trylock(${mm.pid})`);
  if (canAcquire(mm.mmapSem, 'r', true)) {
    take(k, mm.mmapSem, 'r', owner);
    k.note('got it');
    return true;
  }
  k.out.lockEvent('trylock-fail', owner, 'r');
  k.note(`held for write by cpu${mm.mmapSem.holders.join(' cpu')}: failed`);
  return false;
}

/** Release the semaphore in whatever mode this CPU holds it; a writer ends its VMA locks first. */
export function* mmapUnlock(k: K, mm: Mm, fn = mmapFn(k), line = 'unlock'): Gen {
  const mode = mm.mmapSem.mode ?? 'w';
  if (mode === 'w') yield* vmaEndWriteAll(k, mm, fn);
  yield step(fn, line, unlockText(k, mm, mode));
  drop(k, mm);
}

function drop(k: K, mm: Mm): void {
  const lock = mm.mmapSem;
  const mode = lock.mode ?? 'w';
  const i = lock.holders.indexOf(k.cpu);
  if (i >= 0) lock.holders.splice(i, 1);
  if (lock.holders.length === 0) lock.mode = null;
  k.out.lockEvent('release', mmapLockOwner(k, mm), mode);
  k.touch(mm.pid);
}

/**
 * mmap_write_downgrade: end the VMA write locks, then keep the semaphore for read, so faults
 * (and other readers) run beside the rest of the operation.
 */
export function* mmapDowngrade(k: K, mm: Mm, fn = mmapFn(k)): Gen {
  yield* vmaEndWriteAll(k, mm, fn);
  yield step(fn, 'downgrade', `mmap_write_downgrade(${mm.pid}): now held for read`);
  mm.mmapSem.mode = 'r';
  k.touch(mm.pid);
}

/** Run `body` under the semaphore, taken in `mode` (the body may downgrade it). */
export function* withMmapLock<T>(k: K, mm: Mm, mode: Mode, body: Gen<T>): Gen<T> {
  yield* mmapLock(k, mm, mode);
  const out = yield* body;
  yield* mmapUnlock(k, mm);
  return out;
}
