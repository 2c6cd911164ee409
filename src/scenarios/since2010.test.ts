// The "what changed since 2010" tour says what each era does with its locks: these tests hold it
// to that, era by era, and pin each 6.12 step caption to the micro-step it talks about.
import { describe, expect, it } from 'vitest';
import type { EraId } from '../kernel/flags';
import { parseLockId } from '../kernel/ids';
import { replay } from '../kernel/replay';
import { builtinScenarios } from './index';

const tour = builtinScenarios.find((b) => b.id === 'tour-since-2010')!.scenario;
const ERAS: EraId[] = ['2.6.36', '3.19', '6.1', '6.12'];
const run = (era: EraId) => replay(tour, { era });

/** `kind:mode` of every lock acquired during op `op` (vm_lock, mmap_sem, mmap_lock, anon_vma). */
function taken(era: EraId, op: number): string[] {
  return run(era)
    .steps.filter((s) => s.op === op && s.lock?.kind === 'acquire')
    .map((s) => {
      const o = parseLockId(s.lock!.owner);
      const name = o?.kind === 'mmap' ? o.name : o?.kind === 'vma' ? 'vm_lock' : o?.kind;
      return `${name}:${s.lock!.mode}`;
    });
}

describe('what changed since 2010', () => {
  it('builds the same chains and pages in every era it compares', () => {
    const forests = ERAS.map((era) => {
      const r = run(era);
      expect(r.violations, era).toEqual([]);
      const f = r.forest();
      return JSON.stringify({ processes: f.processes, pages: f.pages });
    });
    expect(new Set(forests).size).toBe(1);
  });

  it('names the mmap semaphore mmap_sem up to 3.19 and mmap_lock from 6.1', () => {
    expect(taken('2.6.36', 1)).toEqual(['mmap_sem:w']);
    expect(taken('3.19', 1)).toEqual(['mmap_sem:w']);
    expect(taken('6.1', 1)).toEqual(['mmap_lock:w']);
    expect(taken('6.12', 1)).toEqual(['mmap_lock:w', 'vm_lock:w']);
  });

  it('first write fault: the mmap semaphore, then in 6.12 the VMA lock and a trylock', () => {
    expect(taken('2.6.36', 2)).toEqual(['mmap_sem:r', 'anon_vma:w']);
    expect(taken('6.1', 2)).toEqual(['mmap_lock:r', 'anon_vma:w']);
    expect(taken('6.12', 2)).toEqual(['vm_lock:r', 'mmap_lock:r', 'anon_vma:w']);
    // a spinlock in 2.6.36, the root rwsem from 3.8
    const text = (era: EraId) =>
      run(era).steps.find((s) => s.op === 2 && s.fn === '__anon_vma_prepare' && s.line === 'lock')!
        .text;
    expect(text('2.6.36')).toBe('spin_lock(av0)');
    expect(text('3.19')).toBe('down_write(av0)');
  });

  it('second write fault: no mmap_lock at all in 6.12', () => {
    expect(taken('6.1', 3)).toEqual(['mmap_lock:r']);
    expect(taken('6.12', 3)).toEqual(['vm_lock:r']);
  });

  it('fork: one root lock round per entry in 2.6.36; 6.12 write-locks the parent VMA', () => {
    expect(taken('2.6.36', 4)).toEqual(['mmap_sem:w', 'anon_vma:w', 'anon_vma:w']);
    expect(taken('6.12', 4)).toEqual(['mmap_lock:w', 'vm_lock:w', 'anon_vma:w', 'anon_vma:w']);
    const fork612 = run('6.12').steps.filter((s) => s.op === 4);
    const assign = fork612.findIndex((s) => s.line === 'assign');
    const lock = fork612.findIndex((s) => s.fn === 'anon_vma_fork' && s.line === 'lock');
    expect(assign).toBeGreaterThan(0);
    expect(assign).toBeLessThan(lock);
  });

  it('split: vma_adjust in 2.6.36, vma_prepare / vma_complete with VMA write locks in 6.12', () => {
    const fns = (era: EraId) =>
      new Set(
        run(era)
          .steps.filter((s) => s.op === 6)
          .map((s) => s.fn),
      );
    expect(fns('2.6.36').has('__vma_adjust')).toBe(true);
    expect(fns('6.12').has('__vma_adjust')).toBe(false);
    for (const fn of ['vma_start_write', 'vma_prepare', 'vma_complete']) {
      expect(fns('6.12').has(fn), fn).toBe(true);
    }
  });

  it('migration: the root spinlock exclusively in 2.6.36, the rwsem for read from 3.8', () => {
    expect(taken('2.6.36', 7)).toEqual(['page:w', 'anon_vma:w', 'anon_vma:w']);
    for (const era of ['3.19', '6.1', '6.12'] as const)
      expect(taken(era, 7), era).toEqual(['page:w', 'anon_vma:r', 'anon_vma:r']);
    const visits = (era: EraId) =>
      run(era).steps.filter((s) => s.op === 7 && s.line === 'visit').length;
    expect(visits('2.6.36')).toBe(8);
    expect(visits('6.12')).toBe(4);
  });

  it('race 1: in 6.12 the trylock fails, VM_FAULT_RETRY, the fault runs again under mmap_lock', () => {
    const steps = run('6.12').steps.filter((s) => s.op === 9 && s.cpu === 0);
    expect(steps.map((s) => `${s.fn}:${s.line}`).slice(0, 5)).toEqual([
      'lock_vma_under_rcu:walk',
      'vma_start_read:trylock',
      'vmf_anon_prepare:trylock',
      'vmf_anon_prepare:retry',
      'lock_mm_and_find_vma:lock',
    ]);
    expect(steps[2]!.lock).toEqual({ kind: 'trylock-fail', owner: 'mmap_lock:P', mode: 'r' });
  });

  it('race 2: in 6.12 the writer waits for the fault’s VMA lock; earlier, for nothing', () => {
    const r = run('6.12');
    const start = r.opStarts[10]!;
    // CPU1 waits for vm_lock:P:8 once its clone released the root lock, CPU0 still faulting
    const at = r.stateAt(start + 11);
    expect(at.cpus.find((c) => c.cpu === 1)?.waitingFor).toBe('vm_lock:P:8');
    const p8 = at.processes[0]!.vmas.find((v) => v.id === 'P:8')!;
    expect(p8).toMatchObject({ lockedBy: [0], lockMode: 'r', waiting: [1] });
    // the fault never took mmap_lock, which CPU1 holds for write meanwhile
    expect(at.processes[0]).toMatchObject({ lockedBy: [1], lockMode: 'w' });
    expect(taken('6.12', 10)).toEqual(
      expect.arrayContaining(['vm_lock:r', 'mmap_lock:w', 'vm_lock:w']),
    );
    expect(taken('6.12', 10)).not.toContain('mmap_lock:r');
    // up to 6.1 the fault takes the mmap semaphore for read, after or before the writer
    expect(taken('6.1', 10)).toContain('mmap_lock:r');
  });

  const anchors: [number, string][] = [
    [4, 'mmap_region:new'],
    [5, 'mmap_lock:end-write-all'],
    [7, 'lock_vma_under_rcu:walk'],
    [8, 'vma_start_read:trylock'],
    [9, 'vmf_anon_prepare:trylock'],
    [17, 'vmf_anon_prepare:unlock'],
    [21, 'lock_vma_under_rcu:walk'],
    [28, 'vma_start_write:lock'],
    [39, 'anon_vma_fork:assign'],
    [48, 'lock_vma_under_rcu:walk'],
    [64, 'vma_start_write:lock'],
    [89, 'mmap_lock:end-write-all'],
    [93, 'unmap_and_move:lock-page'],
    [96, 'try_to_unmap_anon:lock'],
    [120, 'vma_start_read:trylock'],
    [121, 'vmf_anon_prepare:trylock'],
    [122, 'vmf_anon_prepare:retry'],
    [143, 'lock_mm_and_find_vma:lock'],
    [156, 'vma_start_read:trylock'],
    [157, 'mmap_lock:lock'],
    [165, 'do_anonymous_page:alloc-page'],
    [168, 'vma_start_write:lock'],
  ];
  it('anchors every 6.12 step caption on the micro-step it names', () => {
    const r = replay(tour);
    const captions = (tour.narration ?? []).filter((n) => 'step' in n).map((n) => n.step);
    expect(captions.sort((a, b) => a - b)).toEqual(anchors.map(([n]) => n));
    for (const [n, at] of anchors) {
      const s = r.steps[n - 1]!;
      expect(`${s.fn}:${s.line}`, `step ${n}`).toBe(at);
    }
  });
});
