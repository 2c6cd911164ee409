// touch → do_user_addr_fault (arch/x86/mm/fault.c): the locks a user page fault holds. Before
// 6.4 it is mmap_sem (mmap_lock) for read around the whole fault, taken by
// lock_mm_and_find_vma since the 2023 stack-expansion rework (`expandWrite`, which brought that
// helper and is in 6.1 stable). With per-VMA locks
// (`perVmaLock`) it first tries lock_vma_under_rcu: find the VMA under RCU and read-lock only
// it; when that fails (the VMA is write-locked, or there is none) or the fault returns
// VM_FAULT_RETRY (vmf_anon_prepare could not get mmap_lock), it runs again under mmap_lock
// (lock_mm_and_find_vma).
import { step, type Gen, type K } from '../exec';
import { mmapLock, mmapUnlock, withMmapLock } from '../mmapLock';
import { findVma, pteId, vmaId, type Mm } from '../state';
import { vmaEndRead, vmaStartRead } from '../vmaLock';
import { checkAccess, fault } from './fault';

export function* userFault(k: K, mm: Mm, addr: number, write: boolean): Gen {
  if (!k.f.perVmaLock) {
    if (k.f.expandWrite) yield* underMmapLock(k, mm, addr, write);
    else yield* withMmapLock(k, mm, 'r', fault(k, mm, addr, write));
    return;
  }
  const kind = write ? 'write' : 'read';
  yield step(
    'lock_vma_under_rcu',
    'walk',
    `${kind} fault at ${pteId(mm, addr)}: rcu_read_lock(); find the VMA in the maple tree`,
  );
  const v = findVma(mm, addr);
  if (v) {
    checkAccess(mm, v, addr, write);
    k.note(vmaId(v));
    if (yield* vmaStartRead(k, v)) {
      if ((yield* fault(k, mm, addr, write, v)) === 'done') {
        yield* vmaEndRead(k, v);
        return;
      }
    }
  } else k.note('no VMA covers it: fall back to mmap_lock');
  yield* underMmapLock(k, mm, addr, write);
}

/** lock_mm_and_find_vma: mmap_lock for read (the lookup is the fault's find_vma step). */
function* underMmapLock(k: K, mm: Mm, addr: number, write: boolean): Gen {
  yield* mmapLock(k, mm, 'r', 'lock_mm_and_find_vma', 'lock');
  yield* fault(k, mm, addr, write);
  yield* mmapUnlock(k, mm, 'do_user_addr_fault', 'unlock');
}
