// The lock sequences of 6.12's operations, pinned event by event (docs/ERA-6.12.md says where in
// the 6.12.118 source each comes from): a first write fault (per-VMA lock, then
// vmf_anon_prepare's mmap_read_trylock), its fallback (VM_FAULT_RETRY, then mmap_lock), fork,
// an mprotect split, munmap (with its downgrade), mremap and a migration.
import { describe, expect, it } from 'vitest';
import type { SimpleOp } from './scenarioTypes';
import {
  fork,
  migrate,
  mmap,
  mprotect,
  munmap,
  oneVma,
  parallel,
  run,
  spawn,
  write,
  type OpInput,
} from './testing';

const mremap = (pid: string, addr: number, pages: number, newAddr: number): SimpleOp => ({
  op: 'mremap',
  pid,
  addr,
  pages,
  newAddr,
});

/** `+owner:mode` (acquire), `-owner` (release), `!owner` (trylock failed) of the last op, in order. */
function lockSeq(ops: readonly OpInput[], cpu?: number): string[] {
  const r = run('6.12', ops);
  expect(r.violations).toEqual([]);
  return r
    .stepsOf(r.last)
    .filter((s) => s.lock && (cpu === undefined || s.cpu === cpu))
    .map((s) => {
      const l = s.lock!;
      return l.kind === 'acquire'
        ? `+${l.owner}:${l.mode}`
        : l.kind === 'release'
          ? `-${l.owner}`
          : `!${l.owner}`;
    });
}

/** `fn:line` of the last op's steps. */
function fnSeq(ops: readonly OpInput[]): string[] {
  const r = run('6.12', ops);
  return r.stepsOf(r.last).map((s) => `${s.fn}:${s.line}`);
}

describe('6.12 lock sequences', () => {
  it('first write fault: the VMA read lock, mmap_lock by trylock for the prepare alone', () => {
    expect(lockSeq([spawn('P'), mmap('P', 0, 4), write('P', 0)])).toEqual([
      '+vm_lock:P:0:r',
      '+mmap_lock:P:r',
      '+av0:w',
      '-av0',
      '-mmap_lock:P',
      '-vm_lock:P:0',
    ]);
    expect(fnSeq([spawn('P'), mmap('P', 0, 4), write('P', 0)]).slice(0, 3)).toEqual([
      'lock_vma_under_rcu:walk',
      'vma_start_read:trylock',
      'vmf_anon_prepare:trylock',
    ]);
  });

  it('a later write fault: the VMA read lock only', () => {
    expect(lockSeq([spawn('P'), mmap('P', 0, 4), write('P', 0), write('P', 1)])).toEqual([
      '+vm_lock:P:0:r',
      '-vm_lock:P:0',
    ]);
  });

  it('first write fault beside an mmap_lock writer: VM_FAULT_RETRY, then mmap_lock', () => {
    const ops = [
      spawn('P'),
      mmap('P', 0, 4),
      mmap('P', 6, 2),
      write('P', 6),
      parallel([[write('P', 0)], [mprotect('P', 6, 1, 'r')]], [1, 0, 0, 0, 0]),
    ];
    expect(lockSeq(ops, 0)).toEqual([
      '+vm_lock:P:0:r',
      '!mmap_lock:P',
      '-vm_lock:P:0',
      '+mmap_lock:P:r',
      '+av1:w',
      '-av1',
      '-mmap_lock:P',
    ]);
  });

  it('a fault on a write-locked VMA fails vma_start_read and goes to mmap_lock', () => {
    const ops = [oneVma('P', 0, 2), parallel([[write('P', 1)], [fork('P', 'C')]], [1, 1, 1, 0, 0])];
    expect(lockSeq(ops, 0).slice(0, 2)).toEqual(['!vm_lock:P:0', '+mmap_lock:P:r']);
  });

  it('fork: mmap_lock, the parent VMA write-locked before it is copied, ended at unlock', () => {
    expect(lockSeq([oneVma('P', 0, 2), fork('P', 'C')])).toEqual([
      '+mmap_lock:P:w',
      '+vm_lock:P:0:w',
      '+av0:w',
      '-av0',
      '+av0:w',
      '-av0',
      '-vm_lock:P:0',
      '-mmap_lock:P',
    ]);
  });

  it('mprotect split: each VMA and new half write-locked after its clone, before vma_prepare', () => {
    expect(lockSeq([oneVma('P', 0, 4), mprotect('P', 1, 2, 'r')])).toEqual([
      '+mmap_lock:P:w',
      // __split_vma at 1: anon_vma_clone, vma_start_write(vma), vma_start_write(new), vma_prepare
      '+av0:w',
      '-av0',
      '+vm_lock:P:0:w',
      '+vm_lock:P:0:w',
      '+av0:w',
      '-av0',
      // __split_vma at 3: the VMA is already write-locked, only the new half
      '+av0:w',
      '-av0',
      '+vm_lock:P:3:w',
      '+av0:w',
      '-av0',
      // mmap_write_unlock: vma_end_write_all, then up_write
      '-vm_lock:P:0',
      '-vm_lock:P:0',
      '-vm_lock:P:3',
      '-mmap_lock:P',
    ]);
  });

  it('munmap: detached VMAs write-locked, then the downgrade; unlink under mmap_lock for read', () => {
    const ops = [oneVma('P', 0, 4), munmap('P', 1, 2)];
    expect(lockSeq(ops)).toEqual([
      '+mmap_lock:P:w',
      '+av0:w',
      '-av0',
      '+vm_lock:P:0:w',
      '+vm_lock:P:1:w',
      '+av0:w',
      '-av0',
      '+av0:w',
      '-av0',
      '+vm_lock:P:1:w',
      '+av0:w',
      '-av0',
      // mmap_write_downgrade ends the VMA write locks...
      '-vm_lock:P:0',
      '-vm_lock:P:1',
      '-vm_lock:P:1',
      // ...and unlink_anon_vmas runs under the read lock
      '+av0:w',
      '-av0',
      '-mmap_lock:P',
    ]);
    const steps = fnSeq(ops);
    expect(steps.indexOf('mmap_lock:downgrade')).toBeLessThan(steps.indexOf('unmap_vmas:zap'));
    const r = run('6.12', ops);
    expect(r.stepsOf(r.last).at(-1)!.text).toBe('mmap_read_unlock(P)');
  });

  it('mremap: the source write-locked first, the copy as it is linked; no downgrade', () => {
    const ops = [oneVma('P', 0, 4), mremap('P', 2, 2, 10)];
    expect(lockSeq(ops)).toEqual([
      '+mmap_lock:P:w',
      '+vm_lock:P:0:w',
      '+av0:w',
      '-av0',
      '+vm_lock:P:10:w',
      // the old range is unmapped: a split, its new half write-locked
      '+av0:w',
      '-av0',
      '+vm_lock:P:2:w',
      '+av0:w',
      '-av0',
      '+av0:w',
      '-av0',
      '-vm_lock:P:0',
      '-vm_lock:P:10',
      '-vm_lock:P:2',
      '-mmap_lock:P',
    ]);
    expect(fnSeq(ops)).not.toContain('mmap_lock:downgrade');
  });

  it('mremap merging into a VMA a walk may meet first holds the anon_vma lock over the moves', () => {
    // the range moves back next to its old neighbour: copy_vma merges, need_rmap_locks
    const ops = [oneVma('P', 0, 8), mremap('P', 4, 4, 20), mremap('P', 20, 4, 4)];
    const r = run('6.12', ops);
    expect(r.violations).toEqual([]);
    const moves = r.stepsOf(r.last).filter((s) => s.fn === 'move_page_tables');
    expect(moves[0]).toMatchObject({ line: 'rmap-lock', lock: { kind: 'acquire', owner: 'av0' } });
    expect(moves.at(-1)).toMatchObject({ line: 'rmap-unlock' });
  });

  it('migration: the page lock and the root rwsem for read; no mmap_lock, no VMA lock', () => {
    expect(lockSeq([oneVma('P', 0, 2), fork('P', 'C'), migrate('P', 0)])).toEqual([
      '+page:1:w',
      '+av0:r',
      '-av0',
      '+av0:r',
      '-av0',
      '-page:1',
    ]);
  });
});
