// take_all_locks → mm_take_all_locks / mm_drop_all_locks (mm/mmap.c), as mmu_notifier
// registration uses them: lock every anon_vma reachable from the mm once, marking each so it
// is not taken twice. Without patch 6/5 the mark is set on the anon_vma but the lock taken is
// its root's, so two anon_vmas of one family deadlock the CPU on itself (§8.5).
import { step, type Gen, type K } from '../exec';
import { acquire, lockOf, release } from '../locks';
import { liveAv } from '../objects';
import { avId, type AnonVma, type Mm } from '../state';
import { vmaStartWrite } from '../vmaLock';

function markHolder(k: K, av: AnonVma): AnonVma {
  return k.f.allLocksMarkRoot ? lockOf(k, av) : av;
}

export function* takeAllLocks(k: K, mm: Mm): Gen {
  const fn = 'vm_lock_anon_vma';
  const taken: { mark: AnonVma; lock: AnonVma }[] = [];
  // 6.4 on: every VMA is write-locked first
  for (const v of [...mm.vmas]) yield* vmaStartWrite(k, v);
  for (const v of [...mm.vmas]) {
    if (!v.anonVma) continue;
    for (const c of [...v.chain]) {
      const av = c.av;
      const mark = markHolder(k, av);
      yield step(fn, 'test-mark', `is ${avId(mark)} marked?`);
      liveAv(k, mark, 'tested the mark of');
      if (mark.marked) {
        k.note('yes: already locked by this mm');
        continue;
      }
      k.note('no');
      const lock = lockOf(k, av);
      yield* acquire(k, lock, 'w', fn, 'lock');
      yield step(fn, 'mark', `mark ${avId(mark)}`);
      mark.marked = true;
      k.touch(avId(mark));
      taken.push({ mark, lock });
    }
  }
  yield step(
    'mm_take_all_locks',
    'done',
    `holding ${taken.length} anon_vma lock(s); now mm_drop_all_locks`,
  );
  for (const t of taken) {
    yield step('vm_unlock_anon_vma', 'unmark', `clear the mark on ${avId(t.mark)}`);
    t.mark.marked = false;
    yield* release(k, t.lock, 'vm_unlock_anon_vma', 'unlock');
  }
}
