// mprotect → mprotect_fixup: split a VMA (__split_vma + anon_vma_clone) or merge it into a
// neighbour (vma_merge cases), keeping every page reachable (spec §3.2, §4.3, §5.3, §6.4).
import { describe, expect, it } from 'vitest';
import { ERA_IDS } from '../flags';
import { fork, mmap, mprotect, oneVma, run, spawn, write } from '../testing';

const base = oneVma('P', 0, 8);
/** §8.1's layout: v = [10,20) r and n = [20,30) rw, both on av0, pages at 12 and 22. */
const twoVmas = [
  spawn('P'),
  mmap('P', 10, 20),
  write('P', 12),
  write('P', 22),
  mprotect('P', 10, 10, 'r'),
];

const ranges = (r: ReturnType<typeof run>, pid = 'P') =>
  r.f.processes.find((p) => p.pid === pid)!.vmas.map((v) => [v.start, v.end]);

describe('mprotect', () => {
  for (const era of ERA_IDS) {
    it(`${era}: a change in the middle splits the VMA in three, all on the same anon_vma`, () => {
      const r = run(era, [base, mprotect('P', 3, 2, 'r')]);
      expect(r.violations).toEqual([]);
      expect(r.f.processes[0]!.vmas).toEqual([
        { start: 0, end: 3, anon_vma: 'av0', chain: ['av0'] },
        { start: 3, end: 5, anon_vma: 'av0', chain: ['av0'] },
        { start: 5, end: 8, anon_vma: 'av0', chain: ['av0'] },
      ]);
      expect(r.view.processes[0]!.vmas.map((v) => v.prot)).toEqual(['rw', 'r', 'rw']);
      expect(r.view.processes[0]!.vmas.map((v) => v.pgoff)).toEqual([0, 3, 5]);
      expect(r.treeOf('av0')).toHaveLength(3);
      expect(r.f.pages.every((p) => p.anon_vma === 'av0')).toBe(true);
      const adjust = era === '6.12' ? ['vma_prepare', 'vma_complete'] : ['__vma_adjust'];
      expect(r.fns(r.last)).toEqual(expect.arrayContaining(['__split_vma', ...adjust]));
    });

    it(`${era}: changing it back merges the three VMAs into one again`, () => {
      const r = run(era, [base, mprotect('P', 3, 2, 'r'), mprotect('P', 3, 2, 'rw')]);
      expect(r.violations).toEqual([]);
      expect(r.f.processes[0]!.vmas).toEqual([
        { start: 0, end: 8, anon_vma: 'av0', chain: ['av0'] },
      ]);
      expect(r.treeOf('av0')).toEqual(['P:0']);
      expect(r.f.pages).toHaveLength(8);
      // the merged-away VMAs' chain entries are freed
      const avcs = r.state.anonVmas[0]!.list;
      expect(avcs).toHaveLength(1);
      expect(r.stepsOf(r.last).filter((s) => s.line === 'unlink-vma')).toHaveLength(2);
    });

    it(`${era}: a change at an edge splits in two; changing it back merges (case 8 / case 2)`, () => {
      const low = run(era, [base, mprotect('P', 0, 2, 'r')]);
      expect(ranges(low)).toEqual([
        [0, 2],
        [2, 8],
      ]);
      const back = run(era, [base, mprotect('P', 0, 2, 'r'), mprotect('P', 0, 2, 'rw')]);
      expect(back.violations).toEqual([]);
      expect(ranges(back)).toEqual([[0, 8]]);
      const high = run(era, [base, mprotect('P', 6, 2, 'r'), mprotect('P', 6, 2, 'rw')]);
      expect(high.violations).toEqual([]);
      expect(ranges(high)).toEqual([[0, 8]]);
    });

    it(`${era}: the boundary moves up when the start of the next VMA takes prev's protection (case 5)`, () => {
      const r = run(era, [twoVmas, mprotect('P', 20, 5, 'r')]);
      expect(r.violations).toEqual([]);
      expect(ranges(r)).toEqual([
        [10, 25],
        [25, 30],
      ]);
      expect(r.view.processes[0]!.vmas.map((v) => [v.prot, v.pgoff])).toEqual([
        ['r', 10],
        ['rw', 25],
      ]);
      expect(r.page('P', 22)?.anon_vma).toBe('av0');
      expect(r.treeOf('av0')).toEqual(['P:10', 'P:25']);
    });

    it(`${era}: the boundary moves down when the end of prev takes next's protection (case 4)`, () => {
      const r = run(era, [twoVmas, mprotect('P', 15, 5, 'rw')]);
      expect(r.violations).toEqual([]);
      expect(ranges(r)).toEqual([
        [10, 15],
        [15, 30],
      ]);
      expect(r.view.processes[0]!.vmas.map((v) => [v.prot, v.pgoff])).toEqual([
        ['r', 10],
        ['rw', 15],
      ]);
    });

    it(`${era}: a range across several VMAs is fixed VMA by VMA and merges what it can`, () => {
      const r = run(era, [
        base,
        mprotect('P', 2, 2, 'r'),
        mprotect('P', 6, 2, 'r'),
        mprotect('P', 1, 6, 'r'),
      ]);
      expect(r.violations).toEqual([]);
      expect(ranges(r)).toEqual([
        [0, 1],
        [1, 8],
      ]);
      expect(r.view.processes[0]!.vmas.map((v) => v.prot)).toEqual(['rw', 'r']);
    });

    it(`${era}: mprotect to the protection a VMA already has changes nothing`, () => {
      const r = run(era, [base, mprotect('P', 2, 3, 'rw')]);
      expect(ranges(r)).toEqual([[0, 8]]);
      expect(r.stepsOf(r.last).some((s) => s.fn === 'mprotect_fixup' && s.line === 'same')).toBe(
        true,
      );
    });
  }

  for (const era of ERA_IDS.filter((e) => e !== '2.6.33')) {
    it(`${era}: a forked VMA's split pieces each get a full copy of its chain, and merge back`, () => {
      const split = run(era, [base, fork('P', 'C'), mprotect('C', 3, 2, 'r')]);
      expect(split.violations).toEqual([]);
      for (const addr of [0, 3, 5]) {
        expect(split.chainOf('C', addr)).toEqual(['av1', 'av0']);
        expect(split.anonVmaOf('C', addr)).toBe('av1');
      }
      expect(split.treeOf('av1')).toHaveLength(3);
      expect(split.treeOf('av0')).toHaveLength(4);
      const back = run(era, [
        base,
        fork('P', 'C'),
        mprotect('C', 3, 2, 'r'),
        mprotect('C', 3, 2, 'rw'),
      ]);
      expect(back.violations).toEqual([]);
      expect(ranges(back, 'C')).toEqual([[0, 8]]);
      expect(back.treeOf('av0')).toEqual(['P:0', 'C:0']);
      expect(back.treeOf('av1')).toEqual(['C:0']);
    });
  }

  it('list eras: the split-off VMAs are added at the tail of the list', () => {
    for (const era of ['2.6.33', '2.6.34', '2.6.36', '3.0'] as const) {
      expect(run(era, [base, mprotect('P', 3, 2, 'r')]).treeOf('av0'), era).toEqual([
        'P:3',
        'P:0',
        'P:5',
      ]);
    }
  });

  it('interval-tree eras: the tree is ordered by pgoff', () => {
    for (const era of ['3.8', '3.19', '6.1'] as const) {
      expect(run(era, [base, mprotect('P', 3, 2, 'r')]).treeOf('av0'), era).toEqual([
        'P:0',
        'P:3',
        'P:5',
      ]);
    }
  });

  it('3.19: every split piece counts in degree; merging back gives the counts back', () => {
    const r = run('3.19', [base, mprotect('P', 3, 2, 'r')]);
    expect(r.av('av0').degree).toBe(4); // self + three VMAs
    const back = run('3.19', [base, mprotect('P', 3, 2, 'r'), mprotect('P', 3, 2, 'rw')]);
    expect(back.av('av0').degree).toBe(2);
  });

  it('6.1: every split piece counts in num_active_vmas; merging back gives the counts back', () => {
    const r = run('6.1', [base, mprotect('P', 3, 2, 'r')]);
    expect(r.av('av0')).toMatchObject({ num_active_vmas: 3, num_children: 1 });
    const back = run('6.1', [base, mprotect('P', 3, 2, 'r'), mprotect('P', 3, 2, 'rw')]);
    expect(back.av('av0')).toMatchObject({ num_active_vmas: 1, num_children: 1 });
  });

  it('an unprepared VMA splits and merges without any anon_vma', () => {
    for (const era of ERA_IDS) {
      const r = run(era, [spawn('P'), mmap('P', 0, 8), mprotect('P', 3, 2, 'r')]);
      expect(r.f.anon_vmas).toEqual([]);
      expect(r.f.processes[0]!.vmas.every((v) => v.anon_vma === null && v.chain.length === 0)).toBe(
        true,
      );
    }
  });

  it('a faulted range does not merge into a neighbour that never faulted (list_is_singular)', () => {
    // [0,4) rw with av0 beside [4,8) r never faulted: making [0,4) read-only leaves two VMAs,
    // as 6.1's is_mergeable_anon_vma says (an empty chain is not singular)
    for (const era of ERA_IDS) {
      const r = run(era, [
        spawn('P'),
        mmap('P', 0, 8),
        mprotect('P', 4, 4, 'r'),
        write('P', 1),
        mprotect('P', 0, 4, 'r'),
      ]);
      expect(r.violations, era).toEqual([]);
      expect(ranges(r), era).toEqual([
        [0, 4],
        [4, 8],
      ]);
      expect(
        r.f.processes[0]!.vmas.map((v) => v.anon_vma),
        era,
      ).toEqual(['av0', null]);
    }
  });
});

describe('mprotect in 6.12 (mm/vma.c)', () => {
  /** The VMAs vma_start_write locks during the last op, in order. */
  const writeLocks = (r: ReturnType<typeof run>) =>
    r
      .locks(r.last)
      .filter((l) => l.fn === 'vma_start_write')
      .map((l) => l.owner);

  it('a merge write-locks the changed VMA first, then prev, then next (vma_merge_existing_range)', () => {
    // [0,3) r, [3,5) rw, [5,8) r: making [3,5) read-only merges all three into prev
    const ops = [base, mprotect('P', 0, 3, 'r'), mprotect('P', 5, 3, 'r')];
    const r = run('6.12', [...ops, mprotect('P', 3, 2, 'r')]);
    expect(r.violations).toEqual([]);
    expect(ranges(r)).toEqual([[0, 8]]);
    expect(writeLocks(r)).toEqual(['vm_lock:P:3', 'vm_lock:P:0', 'vm_lock:P:5']);
    expect(r.fns(r.last)).toEqual(expect.arrayContaining(['commit_merge', 'vma_complete']));
    expect(r.fns(r.last)).not.toContain('__vma_adjust');
  });

  it('a whole VMA changing flags without a merge is write-locked before vm_flags change', () => {
    const r = run('6.12', [base, mprotect('P', 0, 8, 'r')]);
    expect(writeLocks(r)).toEqual(['vm_lock:P:0']);
    const steps = r.stepsOf(r.last).map((s) => `${s.fn}:${s.line}`);
    expect(steps.indexOf('vma_start_write:lock')).toBeLessThan(
      steps.indexOf('mprotect_fixup:flags'),
    );
  });
});
