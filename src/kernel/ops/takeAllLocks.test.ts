// take_all_locks → mm_take_all_locks / mm_drop_all_locks (spec §2.2, §3.2, §4.3, §8.5, I-T1).
import { describe, expect, it } from 'vitest';
import { ERA_IDS, type EraId } from '../flags';
import { fork, mmap, mprotect, oneVma, run, spawn, takeAllLocks, write } from '../testing';

/** C has one VMA with the chain [B, A] and a second, split piece with the same chain. */
const child = [oneVma('P', 0, 4), fork('P', 'C'), mprotect('C', 2, 2, 'r')];

describe('take_all_locks', () => {
  it('2.6.34: every anon_vma of the mm is locked once, its own lock', () => {
    const r = run('2.6.34', [child, takeAllLocks('C')]);
    expect(r.violations).toEqual([]);
    // trace ids: av0 = A (P's), av1 = B (C's); chains are walked head first
    expect(r.acquired(r.last)).toEqual(['av1:w', 'av0:w']);
  });

  it('2.6.33: the one family anon_vma is locked once', () => {
    const r = run('2.6.33', [child, takeAllLocks('C')]);
    expect(r.acquired(r.last)).toEqual(['av0:w']);
  });

  for (const era of ['2.6.36', '3.0', '3.8', '3.19', '6.1'] as EraId[]) {
    it(`${era}: the root is marked and locked once for the whole family (6/5)`, () => {
      const r = run(era, [child, takeAllLocks('C')]);
      expect(r.violations).toEqual([]);
      expect(r.acquired(r.last)).toEqual(['av0:w']);
      const marks = r
        .stepsOf(r.last)
        .filter((s) => s.fn === 'vm_lock_anon_vma' && s.line === 'test-mark');
      expect(marks).toHaveLength(4); // two VMAs × two chain entries
      expect(marks.filter((s) => /already locked/.test(s.text))).toHaveLength(3);
    });
  }

  it('two families: each root is locked once', () => {
    const r = run('3.8', [
      spawn('P'),
      mmap('P', 0, 2),
      mmap('P', 4, 2),
      write('P', 0),
      write('P', 4),
      takeAllLocks('P'),
    ]);
    expect(r.acquired(r.last)).toEqual(['av0:w', 'av1:w']);
  });

  it('2.6.36 without 6/5: marking the child but locking the root deadlocks the CPU on itself (§8.5)', () => {
    const r = run('2.6.36', [child, takeAllLocks('C')], { allLocksMarkRoot: false });
    expect(r.kinds).toEqual(['deadlock']);
    expect(r.violations[0]!.message).toMatch(/cpu0 waits for av0 \(held by itself\)/);
    expect(r.stopped).toMatch(/^deadlock at step \d+$/);
  });

  it('everything taken is released and unmarked at the end', () => {
    for (const era of ERA_IDS) {
      const r = run(era, [child, takeAllLocks('C')]);
      const ev = r.locks(r.last).filter((l) => /^av\d+$/.test(l.owner));
      expect(ev.filter((l) => l.kind === 'acquire').length, era).toBe(
        ev.filter((l) => l.kind === 'release').length,
      );
      expect(
        r.state.anonVmas.every((a) => !a.marked && a.lock.holders.length === 0),
        era,
      ).toBe(true);
      expect(r.stepsOf(r.last).some((s) => s.fn === 'mm_take_all_locks' && s.line === 'done')).toBe(
        true,
      );
    }
  });

  it('a process without anon_vmas takes no anon_vma lock', () => {
    const r = run('6.1', [spawn('P'), mmap('P', 0, 4), takeAllLocks('P')]);
    expect(r.acquired(r.last)).toEqual([]);
  });

  it('the lock is taken for write (rwsem down_write from 3.8)', () => {
    const r = run('3.8', [child, takeAllLocks('C')]);
    expect(r.stepsOf(r.last).some((s) => s.text === 'down_write(av0)')).toBe(true);
    const s = run('3.0', [child, takeAllLocks('C')]);
    expect(s.stepsOf(s.last).some((x) => x.text === 'mutex_lock(av0)')).toBe(true);
  });
});

describe('mm_take_all_locks in 6.12', () => {
  it('write-locks every VMA before it takes any anon_vma lock', () => {
    const r = run('6.12', [oneVma('P', 0, 4), mprotect('P', 2, 2, 'r'), takeAllLocks('P')]);
    expect(r.violations).toEqual([]);
    const acquired = r
      .locks(r.last)
      .filter((l) => l.kind === 'acquire')
      .map((l) => l.owner);
    expect(acquired).toEqual(['mmap_lock:P', 'vm_lock:P:0', 'vm_lock:P:2', 'av0']);
  });
});
