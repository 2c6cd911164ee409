// __vma_adjust: which anon_vma lock it holds while vm_start / vm_end / vm_pgoff change (spec
// §3.2, §4.3, §5.3, table 9.4), and the interval tree's remove / re-insert around it (§5.2).
import { describe, expect, it } from 'vitest';
import type { EraId } from '../flags';
import { expand, fork, mmap, mprotect, oneVma, run, spawn, write } from '../testing';

const base = oneVma('P', 0, 8);

/** The anon_vma locks __vma_adjust itself takes during op `op`. */
const adjustLocks = (r: ReturnType<typeof run>, op = r.last) =>
  r
    .locks(op)
    .filter((l) => l.fn === '__vma_adjust' && l.kind === 'acquire')
    .map((l) => `${l.owner}:${l.mode}`);
const noLockStep = (r: ReturnType<typeof run>, op = r.last) =>
  r.stepsOf(op).some((s) => s.fn === '__vma_adjust' && s.line === 'nolock');

describe('__vma_adjust locking', () => {
  it('2.6.34/2.6.35 take no anon_vma lock at all (the §8.1 race)', () => {
    for (const era of ['2.6.34', '2.6.35'] as EraId[]) {
      for (const op of [mprotect('P', 3, 2, 'r'), mprotect('P', 0, 4, 'r')]) {
        const r = run(era, [base, op]);
        expect(adjustLocks(r), era).toEqual([]);
        expect(noLockStep(r), era).toBe(true);
      }
    }
  });

  it('2.6.33 and 2.6.36 lock (the root) when the start moves or a VMA is inserted', () => {
    for (const era of ['2.6.33', '2.6.36'] as EraId[]) {
      // split at the end of the range: vma keeps its start, the upper part is inserted
      expect(adjustLocks(run(era, [base, mprotect('P', 0, 4, 'r')])), era).toEqual(['av0:w']);
      // split at the start: the start moves
      expect(adjustLocks(run(era, [base, mprotect('P', 4, 4, 'r')])), era).toEqual(['av0:w']);
    }
  });

  it('2.6.36: a child VMA split takes the root lock, not the child anon_vma lock', () => {
    const r = run('2.6.36', [base, fork('P', 'C'), mprotect('C', 4, 4, 'r')]);
    expect(adjustLocks(r)).toEqual(['av0:w']);
    const old = run('2.6.34', [base, fork('P', 'C'), mprotect('C', 4, 4, 'r')]);
    expect(adjustLocks(old)).toEqual([]);
  });

  it('2.6.36: growing only vm_end (brk-like) skips the lock', () => {
    const r = run('2.6.36', [base, expand('P', 0, 2)]);
    expect(r.view.processes[0]!.vmas[0]).toMatchObject({ start: 0, end: 10 });
    expect(adjustLocks(r)).toEqual([]);
    expect(noLockStep(r)).toBe(true);
  });

  it('3.0.1 dropped the insert term: a split that keeps the start takes no lock (spec §5.3)', () => {
    // vma_adjust(vma, 0, 4, insert = [4,8)): no importer, start unchanged
    const r = run('3.0', [base, mprotect('P', 0, 4, 'r')]);
    expect(adjustLocks(r)).toEqual([]);
    // the start moving still takes the root mutex
    expect(adjustLocks(run('3.0', [base, mprotect('P', 4, 4, 'r')]))).toEqual(['av0:w']);
  });

  it('3.8+: the root rwsem for write whenever the VMA has an anon_vma', () => {
    for (const era of ['3.8', '3.19', '6.1'] as EraId[]) {
      expect(adjustLocks(run(era, [base, mprotect('P', 0, 4, 'r')])), era).toEqual(['av0:w']);
      expect(adjustLocks(run(era, [base, expand('P', 0, 2)])), era).toEqual(['av0:w']);
      const r = run(era, [base, mprotect('P', 0, 4, 'r')]);
      expect(
        r.stepsOf(r.last).some((s) => /^down_write\(av0\)/.test(s.text)),
        era,
      ).toBe(true);
    }
  });

  it('3.8+: locks next anon_vma when only next has one and the boundary moves', () => {
    // [0,4) r without anon_vma, [4,8) rw with av0; mprotect [2,4) rw: next grows down (case 4)
    const ops = [
      spawn('P'),
      mmap('P', 0, 8),
      mprotect('P', 0, 4, 'r'),
      write('P', 5),
      mprotect('P', 2, 2, 'rw'),
    ];
    const r = run('3.8', ops);
    expect(r.violations).toEqual([]);
    expect(r.f.processes[0]!.vmas.map((v) => [v.start, v.end, v.anon_vma])).toEqual([
      [0, 2, null],
      [2, 8, 'av0'],
    ]);
    expect(adjustLocks(r)).toEqual(['av0:w']);
  });

  it('a VMA without an anon_vma is adjusted without any anon_vma lock or step', () => {
    const r = run('6.1', [spawn('P'), mmap('P', 0, 8), mprotect('P', 0, 4, 'r')]);
    expect(adjustLocks(r)).toEqual([]);
    expect(noLockStep(r)).toBe(false);
  });
});

describe('interval tree (3.8+)', () => {
  /** P [4,8) written, C forked: both VMAs on av0 with pgoff 4. */
  const family = [spawn('P'), mmap('P', 4, 4), write('P', 4), fork('P', 'C')];

  it('equal keys keep insertion order', () => {
    for (const era of ['3.8', '3.19', '6.1', '2.6.36'] as EraId[]) {
      expect(run(era, family).treeOf('av0'), era).toEqual(['P:4', 'C:4']);
    }
  });

  it('vma_adjust takes the VMA out of the tree and re-inserts it: it goes after its equals', () => {
    const r = run('3.8', [family, expand('P', 4, 2)]);
    expect(r.violations).toEqual([]);
    expect(r.vma('P', 4)).toMatchObject({ start: 4, end: 10 });
    expect(r.treeOf('av0')).toEqual(['C:4', 'P:4']);
    const steps = r
      .stepsOf(r.last)
      .filter((s) => s.fn === '__vma_adjust')
      .map((s) => s.line);
    expect(steps).toEqual(['lock', 'pre-update', 'vm_end', 'post-update', 'unlock']);
    // a list keeps its order
    expect(run('2.6.36', [family, expand('P', 4, 2)]).treeOf('av0')).toEqual(['P:4', 'C:4']);
  });

  it('orders by pgoff: a VMA whose pgoff drops moves ahead', () => {
    const grows = [
      spawn('P'),
      mmap('P', 4, 4, true),
      write('P', 4),
      fork('P', 'C'),
      expand('C', 4, 2),
    ];
    const r = run('3.8', grows);
    expect(r.violations).toEqual([]);
    expect(r.view.processes[1]!.vmas[0]).toMatchObject({ start: 2, pgoff: 2 });
    expect(r.treeOf('av0')).toEqual(['C:2', 'P:4']);
    expect(run('2.6.36', grows).treeOf('av0')).toEqual(['P:4', 'C:2']);
  });

  it('split pieces are inserted by pgoff, whatever the split order', () => {
    const r = run('6.1', [oneVma('P', 0, 6), mprotect('P', 4, 2, 'r'), mprotect('P', 0, 2, 'r')]);
    expect(r.treeOf('av0')).toEqual(['P:0', 'P:2', 'P:4']);
  });
});
