// The per-VMA lock as the runner sees it: a fault's trylock fails on a write-locked VMA, a writer
// waits for the faults reading it, and mmap_write_unlock / downgrade end every write lock.
import { describe, expect, it } from 'vitest';
import { fork, mmap, mprotect, oneVma, parallel, run, spawn, write } from './testing';

describe('the per-VMA lock (6.12)', () => {
  it('a writer keeps a VMA write-locked until mmap_write_unlock, then it is free', () => {
    const r = run('6.12', [oneVma('P', 0, 2), fork('P', 'C')]);
    const steps = r.stepsOf(r.last);
    const locked = steps.findIndex((s) => s.fn === 'vma_start_write');
    const ended = steps.findIndex((s) => s.line === 'end-write-all');
    expect(locked).toBeGreaterThan(0);
    expect(ended).toBeGreaterThan(locked);
    const at = (i: number) => r.stateAt(r.opStarts[r.last]! + i + 1).processes[0]!.vmas[0]!;
    expect(at(locked)).toMatchObject({ lockedBy: [0], lockMode: 'w' });
    expect(at(ended - 1)).toMatchObject({ lockedBy: [0], lockMode: 'w' });
    expect(at(ended).lockedBy).toBeUndefined();
  });

  it('a fault reading a VMA makes a writer wait in vma_start_write (not for mmap_lock)', () => {
    // cpu0 read-locks P:0; cpu1 takes mmap_lock for write, then must wait for cpu0
    const ops = [oneVma('P', 0, 2), parallel([[write('P', 1)], [fork('P', 'C')]], [0, 0, 1, 1])];
    const r = run('6.12', ops);
    expect(r.violations).toEqual([]);
    const at = r.stateAt(r.opStarts[r.last]! + 4);
    expect(at.cpus.find((c) => c.cpu === 1)?.waitingFor).toBe('vm_lock:P:0');
    expect(at.processes[0]!.vmas[0]).toMatchObject({ lockedBy: [0], lockMode: 'r', waiting: [1] });
    expect(at.processes[0]).toMatchObject({ lockedBy: [1], lockMode: 'w' });
  });

  it('a split clones the chain first and waits for the fault only to write-lock the VMA', () => {
    // cpu0 read-locks P:0 for its fault; cpu1 mprotects [0,1), which splits P:0
    const ops = [
      spawn('P'),
      mmap('P', 0, 4),
      write('P', 0),
      parallel([[write('P', 2)], [mprotect('P', 0, 1, 'r')]], [0, 0, 1, 1, 1, 1, 1, 1, 1, 1]),
    ];
    const r = run('6.12', ops);
    expect(r.violations).toEqual([]);
    const steps = r.steps.filter((s) => s.op === r.last);
    const at = (cpu: number, fnLine: string) =>
      steps.findIndex((s) => s.cpu === cpu && `${s.fn}:${s.line}` === fnLine);
    const clone = at(1, 'anon_vma_clone:link');
    const endRead = at(0, 'vma_end_read:unlock');
    const startWrite = at(1, 'vma_start_write:lock');
    expect(clone).toBeLessThan(endRead);
    expect(endRead).toBeLessThan(startWrite);
  });

  it('no era before 6.12 has a per-VMA lock', () => {
    for (const era of ['2.6.36', '3.19', '6.1'] as const) {
      const r = run(era, [oneVma('P', 0, 2), fork('P', 'C'), write('C', 0)]);
      expect(
        r.locks().some((l) => l.owner.startsWith('vm_lock:')),
        era,
      ).toBe(false);
    }
  });
});
