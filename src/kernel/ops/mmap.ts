// spawn (a new mm), mmap → mmap_region (mm/mmap.c): a new anonymous mapping, merged into an
// adjacent compatible VMA when possible (vma_merge / vma_expand), and exit → exit_mmap.
import { freshId } from '../atomic';
import { OpError, step, type Gen, type K } from '../exec';
import { insertVmaSorted, newLock, vmaId, type Mm, type Vma } from '../state';
import { writeLockNew } from '../vmaLock';
import { removeVmas } from './munmap';
import { vmaAdjust } from './vmaAdjust';
import { vmaMerge } from './vmaMerge';

export function newMm(k: K, pid: string, parent: string | null): Mm {
  const mm: Mm = {
    pid,
    parent,
    vmas: [],
    ptes: new Map(),
    mmapSem: newLock(),
    writeLocked: [],
    alive: true,
    order: k.s.nextOrder++,
  };
  k.s.mms.set(pid, mm);
  k.touch(pid);
  return mm;
}

export function* spawn(k: K, pid: string): Gen {
  yield step('mm_alloc', 'alloc', `a new process ${pid} with an empty mm`);
  newMm(k, pid, null);
}

export function* mmap(k: K, mm: Mm, addr: number, pages: number, growsdown: boolean): Gen {
  const end = addr + pages;
  const clash = mm.vmas.find((v) => v.start < end && v.end > addr);
  if (clash) {
    throw new OpError(
      `[${addr},${end}) overlaps ${vmaId(clash)} [${clash.start},${clash.end})`,
      'addr',
    );
  }
  yield step('mmap_region', 'merge?', `can [${addr},${end}) join an adjacent anonymous VMA?`);
  const prev = [...mm.vmas].reverse().find((v) => v.end <= addr) ?? null;
  const m = vmaMerge(mm, prev, addr, end, { prot: 'rw', growsdown, anonVma: null, pgoff: addr });
  if (m) {
    k.note(`yes: ${vmaId(m.result)} grows`);
    yield* vmaAdjust(k, m.plan);
    return;
  }
  k.note('no');
  const locked = k.f.perVmaLock ? '; vma_start_write; insert it' : '';
  yield step(
    'mmap_region',
    'new',
    `vm_area_alloc: [${addr},${end}) rw${growsdown ? ' growsdown' : ''}, vm_pgoff ${addr}${locked}`,
  );
  const v: Vma = {
    serial: freshId(k.s, 'nextVma'),
    mm,
    start: addr,
    end,
    pgoff: addr,
    prot: 'rw',
    growsdown,
    anonVma: null,
    chain: [],
    freed: false,
    vmLock: newLock(),
  };
  writeLockNew(k, v);
  insertVmaSorted(mm, v);
  k.touch(vmaId(v));
}

export function* exit(k: K, mm: Mm): Gen {
  yield step('exit_mmap', 'start', `${mm.pid} exits: tear down its mm`);
  const all = [...mm.vmas];
  yield* removeVmas(k, mm, all);
  yield step('exit_mmap', 'done', `${mm.pid}'s mm is gone`);
  mm.vmas = [];
  mm.alive = false;
  k.touch(mm.pid);
}
