// munmap → do_munmap: split at both ends, zap the page tables, unlink_anon_vmas and free the
// VMAs inside (spec §3.2 __split_vma / unlink_anon_vmas, §5.3, §6.4, §7.3).
import { describe, expect, it } from 'vitest';
import { ERA_IDS } from '../flags';
import { fork, mmap, munmap, oneVma, run, spawn, write } from '../testing';

const base = oneVma('P', 0, 8);
const ranges = (r: ReturnType<typeof run>, pid = 'P') =>
  r.f.processes.find((p) => p.pid === pid)!.vmas.map((v) => [v.start, v.end, v.anon_vma]);
const addrs = (r: ReturnType<typeof run>, pid = 'P') =>
  r.f.pages.filter((p) => p.pid === pid).map((p) => p.addr);

describe('munmap', () => {
  for (const era of ERA_IDS) {
    it(`${era}: the middle: two VMAs remain on the same anon_vma, the pages between are gone`, () => {
      const r = run(era, [base, munmap('P', 3, 2)]);
      expect(r.violations).toEqual([]);
      expect(ranges(r)).toEqual([
        [0, 3, 'av0'],
        [5, 8, 'av0'],
      ]);
      expect(addrs(r)).toEqual([0, 1, 2, 5, 6, 7]);
      expect(r.treeOf('av0')).toHaveLength(2);
      expect(r.view.processes[0]!.vmas.map((v) => v.pgoff)).toEqual([0, 5]);
    });

    it(`${era}: the low edge, the high edge and the whole VMA`, () => {
      expect(ranges(run(era, [base, munmap('P', 0, 2)]))).toEqual([[2, 8, 'av0']]);
      expect(ranges(run(era, [base, munmap('P', 6, 2)]))).toEqual([[0, 6, 'av0']]);
      const all = run(era, [base, munmap('P', 0, 8)]);
      expect(all.violations).toEqual([]);
      expect(ranges(all)).toEqual([]);
      expect(all.f.anon_vmas).toEqual([]);
      expect(all.state.anonVmas[0]!.freed).toBe(true);
    });

    it(`${era}: a range wider than the VMA, and a range with nothing mapped`, () => {
      const wide = run(era, [spawn('P'), mmap('P', 4, 4), write('P', 5), munmap('P', 2, 10)]);
      expect(ranges(wide)).toEqual([]);
      const none = run(era, [base, munmap('P', 20, 2)]);
      expect(ranges(none)).toEqual([[0, 8, 'av0']]);
      expect(none.stepsOf(none.last).some((s) => /nothing mapped there/.test(s.text))).toBe(true);
    });

    it(`${era}: a range over two VMAs removes both`, () => {
      const r = run(era, [
        spawn('P'),
        mmap('P', 0, 2),
        mmap('P', 4, 2),
        write('P', 0),
        write('P', 4),
        munmap('P', 1, 4),
      ]);
      expect(r.violations).toEqual([]);
      expect(r.f.processes[0]!.vmas.map((v) => [v.start, v.end])).toEqual([
        [0, 1],
        [5, 6],
      ]);
      expect(addrs(r)).toEqual([0]);
    });
  }

  for (const era of ERA_IDS.filter((e) => e !== '2.6.33')) {
    it(`${era}: unmapping a child's whole VMA frees its anon_vma, not the parent's`, () => {
      const r = run(era, [base, fork('P', 'C'), write('C', 0), munmap('C', 0, 8)]);
      expect(r.violations).toEqual([]);
      expect(r.f.processes[1]!.vmas).toEqual([]);
      expect(r.anonVmaCount).toBe(1);
      expect(r.treeOf('av0')).toEqual(['P:0']);
    });

    it(`${era}: unmapping part of a child's VMA keeps its chain on both sides`, () => {
      const r = run(era, [base, fork('P', 'C'), munmap('C', 3, 2)]);
      expect(r.violations).toEqual([]);
      expect(r.chainOf('C', 0)).toEqual(['av1', 'av0']);
      expect(r.chainOf('C', 5)).toEqual(['av1', 'av0']);
      expect(r.treeOf('av1')).toHaveLength(2);
      expect(r.treeOf('av0')).toHaveLength(3);
    });
  }

  it('3.19 / 6.1: counters follow the pieces', () => {
    const d = run('3.19', [base, munmap('P', 3, 2)]);
    expect(d.av('av0').degree).toBe(3); // self + two VMAs
    const n = run('6.1', [base, munmap('P', 3, 2)]);
    expect(n.av('av0')).toMatchObject({ num_active_vmas: 2, num_children: 1 });
    const gone = run('6.1', [base, fork('P', 'C'), munmap('P', 0, 8)]);
    expect(gone.av(gone.anonVmaOf('C', 0)!)).toMatchObject({ num_active_vmas: 1 });
  });
});

describe('the mmap lock munmap(2) ends with', () => {
  /** Whether the op downgraded, and the mode of the lock it released last. */
  const end = (era: '2.6.36' | '3.19' | '6.1' | '6.12', stackAbove: boolean) => {
    const ops = [
      base,
      ...(stackAbove ? [mmap('P', 8, 2, true), write('P', 8)] : []),
      munmap('P', 6, 2),
    ];
    const r = run(era, ops);
    expect(r.violations).toEqual([]);
    const steps = r.stepsOf(r.last);
    return {
      downgrade: steps.some((s) => s.line === 'downgrade'),
      last: steps.at(-1)!.lock,
    };
  };

  it('up to 3.19 keeps the write lock to the end', () => {
    for (const era of ['2.6.36', '3.19'] as const) {
      expect(end(era, false)).toEqual({
        downgrade: false,
        last: { kind: 'release', owner: 'mmap_sem:P', mode: 'w' },
      });
    }
  });

  it('6.1 downgrades to read for the zap and the unlink, unless a stack grows down above', () => {
    expect(end('6.1', false)).toEqual({
      downgrade: true,
      last: { kind: 'release', owner: 'mmap_lock:P', mode: 'r' },
    });
    expect(end('6.1', true)).toEqual({
      downgrade: false,
      last: { kind: 'release', owner: 'mmap_lock:P', mode: 'w' },
    });
  });

  it('6.12 always downgrades (stacks grow under the write lock)', () => {
    for (const stack of [false, true]) {
      expect(end('6.12', stack)).toEqual({
        downgrade: true,
        last: { kind: 'release', owner: 'mmap_lock:P', mode: 'r' },
      });
    }
  });
});
