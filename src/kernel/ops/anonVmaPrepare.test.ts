// anon_vma_prepare (spec §2.2, §3.2, §4.3, §6.4, §7.3): a new root on the first write fault, or
// the anon_vma of a compatible neighbour whose chain is a single entry.
import { describe, expect, it } from 'vitest';
import { ERA_IDS } from '../flags';
import { fork, mmap, mprotect, read, run, spawn, write } from '../testing';

/** P: [0,2) written then made read-only (av0), and a new rw VMA [2,4) next to it. */
const neighbour = [
  spawn('P'),
  mmap('P', 0, 2),
  write('P', 0),
  mprotect('P', 0, 2, 'r'),
  mmap('P', 2, 2),
  write('P', 2),
];

describe('anon_vma_prepare', () => {
  for (const era of ERA_IDS) {
    it(`${era}: the first write fault gives the VMA a new anon_vma, its own root`, () => {
      const r = run(era, [spawn('P'), mmap('P', 0, 4), write('P', 1)]);
      expect(r.violations).toEqual([]);
      expect(r.vma('P', 0)).toEqual({ start: 0, end: 4, anon_vma: 'av0', chain: ['av0'] });
      expect(r.treeOf('av0')).toEqual(['P:0']);
      expect(r.page('P', 1)).toEqual({ pid: 'P', addr: 1, anon_vma: 'av0' });
      expect(r.state.anonVmas).toHaveLength(1);
      const av = r.av('av0');
      if (r.flags.trackRoot) expect(av.root).toBe('av0');
      if (r.flags.reuse !== 'none') expect(av.parent).toBe('av0');
    });

    it(`${era}: a read fault maps the zero page and prepares nothing`, () => {
      const r = run(era, [spawn('P'), mmap('P', 0, 4), read('P', 1)]);
      expect(r.vma('P', 0).anon_vma).toBeNull();
      expect(r.f.anon_vmas).toEqual([]);
      expect(r.f.pages).toEqual([]);
      expect(r.fns(r.last)).not.toContain('__anon_vma_prepare');
    });

    it(`${era}: a second write fault in the VMA reuses vma->anon_vma without a prepare step`, () => {
      const r = run(era, [spawn('P'), mmap('P', 0, 4), write('P', 1), write('P', 2)]);
      expect(r.fns(r.last)).not.toContain('__anon_vma_prepare');
      expect(r.state.anonVmas).toHaveLength(1);
      expect(r.page('P', 2)?.anon_vma).toBe('av0');
    });

    it(`${era}: reuses a compatible neighbour's anon_vma when its chain is a single entry`, () => {
      const r = run(era, neighbour);
      expect(r.violations).toEqual([]);
      expect(r.f.processes[0]!.vmas).toEqual([
        { start: 0, end: 2, anon_vma: 'av0', chain: ['av0'] },
        { start: 2, end: 4, anon_vma: 'av0', chain: ['av0'] },
      ]);
      expect(r.state.anonVmas).toHaveLength(1);
      expect(
        r
          .stepsOf(r.last)
          .some((s) => s.fn === 'find_mergeable_anon_vma' && /yes: av0/.test(s.text)),
      ).toBe(true);
    });
  }

  for (const era of ERA_IDS.filter((e) => e !== '2.6.33')) {
    it(`${era}: does not reuse a neighbour's anon_vma when the neighbour's chain is longer (d0e9fe1758f2)`, () => {
      // C's [0,2) has the chain [B, A]: not a simple anon_vma.
      const r = run(era, [
        spawn('P'),
        mmap('P', 0, 2),
        write('P', 0),
        fork('P', 'C'),
        mprotect('C', 0, 2, 'r'),
        mmap('C', 2, 2),
        write('C', 2),
      ]);
      expect(r.violations).toEqual([]);
      const left = r.vma('C', 0);
      const right = r.vma('C', 2);
      expect(left.chain).toHaveLength(2);
      expect(right.chain).toEqual([right.anon_vma]);
      expect(right.anon_vma).not.toBe(left.anon_vma);
      expect(left.chain).not.toContain(right.anon_vma);
      // a new, separate root
      if (r.flags.trackRoot) expect(r.av(right.anon_vma!).root).toBe(right.anon_vma);
    });
  }

  it('2.6.33: one anon_vma for the family: the neighbour of a forked VMA is reused too', () => {
    const r = run('2.6.33', [
      spawn('P'),
      mmap('P', 0, 2),
      write('P', 0),
      fork('P', 'C'),
      mprotect('C', 0, 2, 'r'),
      mmap('C', 2, 2),
      write('C', 2),
    ]);
    expect(r.violations).toEqual([]);
    expect(r.anonVmaCount).toBe(1);
    expect(r.treeOf('av0')).toEqual(['P:0', 'C:0', 'C:2']);
  });

  it('2.6.34 adds the VMA at the head of the anon_vma list (E1)', () => {
    expect(run('2.6.34', neighbour).treeOf('av0')).toEqual(['P:2', 'P:0']);
    expect(run('2.6.35', neighbour).treeOf('av0')).toEqual(['P:2', 'P:0']);
  });

  for (const era of ['2.6.33', '2.6.36', '3.0'] as const) {
    it(`${era} adds the VMA at the tail of the anon_vma list (26ba0cb63cb8)`, () => {
      expect(run(era, neighbour).treeOf('av0')).toEqual(['P:0', 'P:2']);
    });
  }

  it('the tailInsert flag alone switches 2.6.34 to tail insertion', () => {
    expect(run('2.6.34', neighbour, { tailInsert: true }).treeOf('av0')).toEqual(['P:0', 'P:2']);
  });

  it('3.8: the interval tree orders by pgoff, whatever the insertion', () => {
    // the later VMA has the smaller pgoff
    const r = run('3.8', [
      spawn('P'),
      mmap('P', 2, 2),
      write('P', 2),
      mprotect('P', 2, 2, 'r'),
      mmap('P', 0, 2),
      write('P', 0),
    ]);
    expect(r.vma('P', 0).anon_vma).toBe('av0');
    expect(r.treeOf('av0')).toEqual(['P:0', 'P:2']);
    // with a list, tail insertion keeps the order of the faults
    expect(run('2.6.36', r.scenario.ops).treeOf('av0')).toEqual(['P:2', 'P:0']);
  });

  it('locks the new anon_vma (its own root) for write while installing it', () => {
    for (const era of ERA_IDS) {
      const r = run(era, [spawn('P'), mmap('P', 0, 4), write('P', 1)]);
      expect(r.acquired(r.last), era).toEqual(['av0:w']);
      const l = r.locks(r.last).filter((x) => x.owner === 'av0');
      expect(l.map((x) => `${x.kind}@${x.fn}`)).toEqual([
        'acquire@__anon_vma_prepare',
        'release@__anon_vma_prepare',
      ]);
    }
  });

  it('3.19: a new root has degree 2 (self-parent + the VMA); a reused neighbour gets +1', () => {
    expect(run('3.19', [spawn('P'), mmap('P', 0, 4), write('P', 1)]).av('av0').degree).toBe(2);
    expect(run('3.19', neighbour).av('av0').degree).toBe(3);
  });

  it('6.1: a new root has num_children 1 (itself) and num_active_vmas 1; a reused one +1 VMA', () => {
    const a = run('6.1', [spawn('P'), mmap('P', 0, 4), write('P', 1)]).av('av0');
    expect([a.num_children, a.num_active_vmas]).toEqual([1, 1]);
    const b = run('6.1', neighbour).av('av0');
    expect([b.num_children, b.num_active_vmas]).toEqual([1, 2]);
  });

  it('refcount of a new anon_vma: 0 before 3.0, 1 (the list reference) from 3.0', () => {
    for (const era of ERA_IDS) {
      const r = run(era, [spawn('P'), mmap('P', 0, 4), write('P', 1)]);
      expect(r.av('av0').refcount, era).toBe(r.flags.refcount === 'refcount' ? 1 : 0);
    }
  });
});
