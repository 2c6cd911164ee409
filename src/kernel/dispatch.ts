// One scenario op → the kernel functions it runs, with the mmap_sem (mmap_lock) it holds around
// them. A fault takes its own locks (userFault: the per-VMA lock first from 6.4).
import { OpError, type Gen, type K } from './exec';
import { mmapLock, mmapUnlock, withMmapLock } from './mmapLock';
import { expand } from './ops/expand';
import { userFault } from './ops/userFault';
import { fork } from './ops/fork';
import { ksmGet, ksmPut } from './ops/ksm';
import { migrate } from './ops/migrate';
import { exit, mmap, spawn } from './ops/mmap';
import { mprotect } from './ops/mprotect';
import { mremap } from './ops/mremap';
import { munmap } from './ops/munmap';
import { reclaim } from './ops/reclaim';
import { takeAllLocks } from './ops/takeAllLocks';
import type { SimpleOp } from './scenarioTypes';
import { findVma, type Mm } from './state';

function mmOf(k: K, pid: string, field = 'pid'): Mm {
  const mm = k.s.mms.get(pid);
  if (!mm) throw new OpError(`process "${pid}" does not exist`, field);
  if (!mm.alive) throw new OpError(`process "${pid}" has exited`, field);
  return mm;
}

export function* runOp(k: K, op: SimpleOp): Gen {
  switch (op.op) {
    case 'spawn':
      if (k.s.mms.has(op.pid)) throw new OpError(`process "${op.pid}" already exists`, 'pid');
      return yield* spawn(k, op.pid);
    case 'mmap': {
      const mm = mmOf(k, op.pid);
      return yield* withMmapLock(k, mm, 'w', mmap(k, mm, op.addr, op.pages, op.growsdown ?? false));
    }
    case 'touch':
      return yield* userFault(k, mmOf(k, op.pid), op.addr, op.write ?? false);
    case 'fork': {
      const mm = mmOf(k, op.pid);
      if (k.s.mms.has(op.child)) throw new OpError(`process "${op.child}" already exists`, 'child');
      return yield* withMmapLock(k, mm, 'w', fork(k, mm, op.child));
    }
    case 'mprotect': {
      const mm = mmOf(k, op.pid);
      return yield* withMmapLock(k, mm, 'w', mprotect(k, mm, op.addr, op.pages, op.prot));
    }
    case 'munmap': {
      // the syscall may downgrade to the read lock once the VMAs are detached (munmapDowngrade)
      const mm = mmOf(k, op.pid);
      yield* mmapLock(k, mm, 'w');
      yield* munmap(k, mm, op.addr, op.pages, true);
      return yield* mmapUnlock(k, mm);
    }
    case 'expand': {
      const mm = mmOf(k, op.pid);
      // expand_stack runs from the fault path with mmap_sem held only for read (for write since
      // the 2023 rework, `expandWrite`; a fault of 6.4 on finds no VMA under the per-VMA lock
      // there and falls back to mmap_lock, which lock_mm_and_find_vma upgrades).
      const grows = findVma(mm, op.addr)?.growsdown ?? false;
      const mode = grows && !k.f.expandWrite ? 'r' : 'w';
      return yield* withMmapLock(k, mm, mode, expand(k, mm, op.addr, op.pages));
    }
    case 'exit': {
      const mm = mmOf(k, op.pid);
      return yield* withMmapLock(k, mm, 'w', exit(k, mm));
    }
    case 'migrate':
      return yield* migrate(k, mmOf(k, op.pid), op.addr);
    case 'ksm_get': {
      const mm = mmOf(k, op.pid);
      return yield* withMmapLock(k, mm, 'r', ksmGet(k, mm, op.addr, op.ref));
    }
    case 'ksm_put':
      return yield* ksmPut(k, op.ref);
    case 'take_all_locks': {
      const mm = mmOf(k, op.pid);
      return yield* withMmapLock(k, mm, 'w', takeAllLocks(k, mm));
    }
    case 'mremap': {
      const mm = mmOf(k, op.pid);
      return yield* withMmapLock(k, mm, 'w', mremap(k, mm, op.addr, op.pages, op.newAddr));
    }
    case 'reclaim':
      // vmscan reaches the page from the LRU: no mmap_sem, no reference on the anon_vma.
      return yield* reclaim(k, mmOf(k, op.pid), op.addr);
  }
}
