// expand: a growsdown VMA grows down (expand_stack → expand_downwards), any other grows up
// through vma_adjust (spec §2.2, §3.2, §4.3, §5.3, §7.3; §8.1b for the 2.6.34 lock).
import { describe, expect, it } from 'vitest';
import { ERA_IDS } from '../flags';
import { expand, fork, mmap, run, scenarioError, spawn, write } from '../testing';

const stack = [spawn('P'), mmap('P', 8, 4, true), write('P', 9)];

describe('expand', () => {
  for (const era of ERA_IDS) {
    it(`${era}: a growsdown VMA grows down: vm_start and vm_pgoff move together`, () => {
      const r = run(era, [stack, expand('P', 9, 3)]);
      expect(r.violations).toEqual([]);
      expect(r.view.processes[0]!.vmas).toEqual([
        expect.objectContaining({ start: 5, end: 12, pgoff: 5, growsdown: true, anonVma: 'av0' }),
      ]);
      // the page keeps its index, so vma_address still finds it at 9
      const page = r.state.mms.get('P')!.ptes.get(9)!.page;
      expect(page.index).toBe(9);
      expect(r.page('P', 9)?.anon_vma).toBe('av0');
      const lines = r
        .stepsOf(r.last)
        .filter((s) => s.fn === 'expand_downwards')
        .map((s) => s.line);
      expect(lines).toEqual(expect.arrayContaining(['vm_start', 'vm_pgoff']));
    });

    it(`${era}: any other VMA grows up (vma_adjust of vm_end)`, () => {
      const r = run(era, [spawn('P'), mmap('P', 0, 4), write('P', 1), expand('P', 1, 2)]);
      expect(r.violations).toEqual([]);
      expect(r.view.processes[0]!.vmas[0]).toMatchObject({ start: 0, end: 6, pgoff: 0 });
      // 6.12 has no vma_adjust: vma_expand → commit_merge (vma_prepare / vma_complete)
      expect(r.fns(r.last)).toContain(era === '6.12' ? 'commit_merge' : '__vma_adjust');
      expect(r.fns(r.last)).not.toContain('expand_downwards');
    });

    it(`${era}: expand_stack prepares the anon_vma first`, () => {
      const r = run(era, [spawn('P'), mmap('P', 8, 4, true), expand('P', 8, 1)]);
      expect(r.vma('P', 7).anon_vma).toBe('av0');
      expect(r.fns(r.last)).toEqual(
        expect.arrayContaining(['expand_stack', '__anon_vma_prepare', 'expand_downwards']),
      );
    });
  }

  it('2.6.34 locks the VMA own (newest) anon_vma; 2.6.36+ the root (§8.1b)', () => {
    const ops = [stack, fork('P', 'C'), expand('C', 9, 2)];
    const lock = (era: (typeof ERA_IDS)[number]) => {
      const r = run(era, ops);
      return r
        .locks(r.last)
        .filter((l) => l.fn === 'expand_downwards' && l.kind === 'acquire')
        .map((l) => `${l.owner}:${l.mode}`);
    };
    // trace ids: av0 = P's (the root), av1 = C's
    expect(lock('2.6.34')).toEqual(['av1:w']);
    expect(lock('2.6.35')).toEqual(['av1:w']);
    expect(lock('2.6.33')).toEqual(['av0:w']);
    for (const era of ['2.6.36', '3.0', '3.8', '3.19', '6.1', '6.12'] as const)
      expect(lock(era), era).toEqual(['av0:w']);
  });

  it('2.6.34 with lockDeepest locks the tail of the VMA chain (Linus 2010-05-05)', () => {
    const r = run('2.6.34', [stack, fork('P', 'C'), expand('C', 9, 2)], { lockDeepest: true });
    const l = r.locks(r.last).filter((x) => x.fn === 'expand_downwards' && x.kind === 'acquire');
    expect(l.map((x) => x.owner)).toEqual(['av0']);
  });

  it('cannot grow into the previous VMA, below 0, or up into the next VMA', () => {
    const down = scenarioError('6.1', [
      spawn('P'),
      mmap('P', 0, 2),
      mmap('P', 4, 2, true),
      expand('P', 4, 3),
    ]);
    expect(down.opIndex).toBe(3);
    expect(down.field).toBe('pages');
    const zero = scenarioError('6.1', [spawn('P'), mmap('P', 1, 2, true), expand('P', 1, 2)]);
    expect(zero.field).toBe('pages');
    const up = scenarioError('2.6.36', [
      spawn('P'),
      mmap('P', 0, 2),
      mmap('P', 3, 2, true),
      expand('P', 0, 2),
    ]);
    expect(up.opIndex).toBe(3);
    expect(up.field).toBe('pages');
    expect(up.message).toMatch(/^op 3 \(expand\): /);
  });

  it('an address outside any VMA is an error naming addr', () => {
    const e = scenarioError('3.19', [spawn('P'), mmap('P', 0, 2), expand('P', 5, 1)]);
    expect([e.opIndex, e.field]).toEqual([2, 'addr']);
  });
});

describe('the mmap lock a stack expansion holds', () => {
  it('read before the 2023 rework (beside faults), write in 6.1 and 6.12 (expandWrite)', () => {
    const sem = (era: '3.19' | '6.1' | '6.12') => {
      const r = run(era, [spawn('P'), mmap('P', 10, 2, true), write('P', 10), expand('P', 10, 1)]);
      // mmap_sem is called mmap_lock from 5.8
      const owner = era === '3.19' ? 'mmap_sem:P' : 'mmap_lock:P';
      return r.locks(r.last).find((l) => l.owner === owner)?.mode;
    };
    expect(sem('3.19')).toBe('r');
    expect(sem('6.1')).toBe('w');
    expect(sem('6.12')).toBe('w');
  });

  it('6.12 write-locks the stack VMA after preparing its anon_vma, before the root lock', () => {
    const r = run('6.12', [spawn('P'), mmap('P', 10, 2, true), write('P', 10), expand('P', 10, 1)]);
    const seq = r
      .locks(r.last)
      .filter((l) => l.kind === 'acquire')
      .map((l) => `${l.owner}:${l.mode}`);
    expect(seq).toEqual(['mmap_lock:P:w', 'vm_lock:P:10:w', 'av0:w']);
    // vm_start moved while it was held: the release names it as it was locked
    expect(
      r
        .locks(r.last)
        .filter((l) => l.kind === 'release')
        .map((l) => l.owner),
    ).toEqual(['av0', 'vm_lock:P:10', 'mmap_lock:P']);
    expect(r.view.processes[0]!.vmas[0]).toMatchObject({ id: 'P:9' });
    expect(r.view.processes[0]!.vmas[0]!.lockedBy).toBeUndefined();
  });
});
