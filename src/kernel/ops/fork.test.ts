// fork → dup_mmap → anon_vma_fork (spec §2.2, §3.2, §4.3, §5.3, §6.4, §7.3, §8.8).
import { describe, expect, it } from 'vitest';
import { ERA_IDS, type EraId } from '../flags';
import { exit, fork, mmap, oneVma, read, run, spawn, write } from '../testing';

const CHAIN_ERAS = ERA_IDS.filter((e) => e !== '2.6.33');
const ROOT_ERAS: EraId[] = ['2.6.36', '3.0', '3.8', '3.19', '6.1'];

/** P0 writes; then each generation Pi forks Pi+1, which writes, and Pi exits (§8.8). */
function generations(n: number) {
  const ops = [...oneVma('P0', 0, 1)];
  for (let i = 0; i < n; i++) {
    ops.push(fork(`P${i}`, `P${i + 1}`), write(`P${i + 1}`, 0), exit(`P${i}`));
  }
  return ops;
}

describe('fork', () => {
  it('2.6.33: the child VMA joins the parent anon_vma; no new anon_vma (E0)', () => {
    const r = run('2.6.33', [oneVma('P', 0, 2), fork('P', 'C')]);
    expect(r.violations).toEqual([]);
    expect(r.anonVmaCount).toBe(1);
    expect(r.vma('C', 0)).toEqual({ start: 0, end: 2, anon_vma: 'av0', chain: ['av0'] });
    expect(r.treeOf('av0')).toEqual(['P:0', 'C:0']);
    expect(r.fns(r.last)).toContain('anon_vma_link');
    expect(r.fns(r.last)).not.toContain('anon_vma_fork');
  });

  for (const era of CHAIN_ERAS) {
    it(`${era}: the child chain is [new, …parent chain], the new anon_vma at the head`, () => {
      const r = run(era, [oneVma('P', 0, 2), fork('P', 'C'), fork('C', 'G')]);
      expect(r.violations).toEqual([]);
      // canonical ids: av0 = P's (the root), av1 = C's, av2 = G's
      expect(r.chainOf('P', 0)).toEqual(['av0']);
      expect(r.chainOf('C', 0)).toEqual(['av1', 'av0']);
      expect(r.chainOf('G', 0)).toEqual(['av2', 'av1', 'av0']);
      expect(r.anonVmaOf('C', 0)).toBe('av1');
      expect(r.anonVmaOf('G', 0)).toBe('av2');
      expect(r.treeOf('av0')).toEqual(['P:0', 'C:0', 'G:0']);
      expect(r.treeOf('av1')).toEqual(['C:0', 'G:0']);
      expect(r.treeOf('av2')).toEqual(['G:0']);
    });

    it(`${era}: the child's PTEs point at the parent's pages and their anon_vma`, () => {
      const r = run(era, [oneVma('P', 0, 2), fork('P', 'C')]);
      expect(r.page('C', 0)?.anon_vma).toBe('av0');
      expect(r.page('C', 1)?.anon_vma).toBe('av0');
      const v = r.view.pages;
      expect(v.find((p) => p.id === 'C:0')!.page).toBe(v.find((p) => p.id === 'P:0')!.page);
    });
  }

  for (const era of ROOT_ERAS) {
    it(`${era}: a child anon_vma's root is the family root, which the child pins`, () => {
      const r = run(era, [oneVma('P', 0, 2), fork('P', 'C'), fork('C', 'G')]);
      expect(r.av('av1').root).toBe('av0');
      expect(r.av('av2').root).toBe('av0');
      const list = r.flags.refcount === 'refcount' ? 1 : 0;
      // root: list ref (3.0+) + one pin per child anon_vma
      expect(r.av('av0').refcount).toBe(list + 2);
      expect(r.av('av1').refcount).toBe(list);
      const gets = r.stepsOf(r.last).filter((s) => s.line === 'get');
      expect(gets.map((s) => s.fn)).toEqual(['anon_vma_fork']);
      expect(gets[0]!.text).toMatch(/^get_anon_vma\(av0\)/);
    });
  }

  it('2.6.36 without pinRoot (5/5 off): no pin on the root', () => {
    const r = run('2.6.36', [oneVma('P', 0, 2), fork('P', 'C')], { pinRoot: false });
    expect(r.av('av0').refcount).toBe(0);
  });

  it('a VMA without an anon_vma forks without one; read-faulted zero pages are copied but not listed', () => {
    for (const era of ERA_IDS) {
      const r = run(era, [spawn('P'), mmap('P', 0, 2), read('P', 0), fork('P', 'C')]);
      expect(r.vma('C', 0), era).toEqual({ start: 0, end: 2, anon_vma: null, chain: [] });
      expect(r.f.pages).toEqual([]);
      expect(r.state.mms.get('C')!.ptes.size).toBe(0);
    }
  });

  it('each VMA of the parent is forked on its own', () => {
    const r = run('2.6.36', [
      spawn('P'),
      mmap('P', 0, 2),
      mmap('P', 4, 2),
      write('P', 4),
      fork('P', 'C'),
    ]);
    expect(r.f.processes[1]).toEqual({
      pid: 'C',
      vmas: [
        { start: 0, end: 2, anon_vma: null, chain: [] },
        { start: 4, end: 6, anon_vma: 'av1', chain: ['av1', 'av0'] },
      ],
    });
  });

  it('2.6.34 links under each anon_vma own lock; 2.6.36 under the root lock only', () => {
    const ops = [oneVma('P', 0, 1), fork('P', 'C'), fork('C', 'G')];
    // trace ids: av0 = P's, av1 = C's, av2 = G's
    const old = run('2.6.34', ops);
    expect(old.acquired(4)).toEqual(['av0:w', 'av1:w', 'av2:w']);
    const i = old.steps.findIndex((s) => s.op === 4 && s.lock?.owner === 'av1');
    expect(old.steps[i]).toMatchObject({
      fn: 'anon_vma_chain_link',
      line: 'lock',
      text: 'spin_lock(av1)',
      lock: { kind: 'acquire', owner: 'av1', mode: 'w' },
    });
    expect(run('2.6.36', ops).acquired(4)).toEqual(['av0:w', 'av0:w', 'av0:w']);
    // 3.0: one batched root lock for the clone, one for the link of the new anon_vma
    expect(run('3.0', ops).acquired(4)).toEqual(['av0:w', 'av0:w']);
    expect(run('3.8', ops).acquired(4)).toEqual(['av0:w', 'av0:w']);
  });

  it('lock events come in acquire/release pairs and end released', () => {
    for (const era of ERA_IDS) {
      const r = run(era, [oneVma('P', 0, 2), fork('P', 'C'), fork('C', 'G')]);
      const held = new Map<string, number>();
      for (const l of r.locks()) {
        const d = l.kind === 'acquire' ? 1 : l.kind === 'release' ? -1 : 0;
        held.set(l.owner, (held.get(l.owner) ?? 0) + d);
        expect(held.get(l.owner), `${era} ${l.owner}`).toBeGreaterThanOrEqual(0);
      }
      expect(
        [...held.values()].every((n) => n === 0),
        era,
      ).toBe(true);
      expect(r.view.anonVmas.every((a) => a.lockedBy.length === 0)).toBe(true);
    }
  });

  describe('3.19: degree and reuse (7a3ef208e662)', () => {
    it('fork: the child anon_vma has degree 1, the parent +1', () => {
      const r = run('3.19', [oneVma('P', 0, 1), fork('P', 'C')]);
      expect(r.av('av0')).toMatchObject({ degree: 3, parent: 'av0' });
      expect(r.av('av1')).toMatchObject({ degree: 1, parent: 'av0', root: 'av0' });
    });

    it('the generations of spec §8.8 reuse A1 at P3 and A2 at P4: the chain stays 3 long', () => {
      const g3 = run('3.19', generations(3));
      expect(g3.violations).toEqual([]);
      // trace ids: A0 = av0 (P0's), A1 = av1 (P1's), A2 = av2 (P2's); P3 reuses A1
      expect(g3.state.anonVmas).toHaveLength(3);
      const p3 = g3.view.processes.find((p) => p.pid === 'P3')!.vmas[0]!;
      expect(p3.anonVma).toBe('av1');
      expect(p3.chain).toEqual(['av2', 'av1', 'av0']);
      const deg = (id: string) => g3.viewAv(id).degree;
      expect([deg('av0'), deg('av1'), deg('av2')]).toEqual([2, 2, 0]);

      const g4 = run('3.19', generations(4));
      expect(g4.violations).toEqual([]);
      expect(g4.state.anonVmas).toHaveLength(3);
      const p4 = g4.view.processes.find((p) => p.pid === 'P4')!.vmas[0]!;
      expect(p4.anonVma).toBe('av2');
      expect(p4.chain).toEqual(['av2', 'av1', 'av0']);
      const deg4 = (id: string) => g4.viewAv(id).degree;
      expect([deg4('av0'), deg4('av1'), deg4('av2')]).toEqual([2, 1, 1]);
      expect(
        g4.stepsOf(g4.last - 2).some((s) => s.fn === 'anon_vma_fork' && s.line === 'reused'),
      ).toBe(true);
    });

    it('stays bounded over many generations, unlike 3.8', () => {
      const n = 12;
      expect(run('3.19', generations(n)).state.anonVmas.filter((a) => !a.freed)).toHaveLength(3);
      expect(run('6.1', generations(n)).state.anonVmas.filter((a) => !a.freed)).toHaveLength(3);
      const old = run('3.8', generations(n));
      expect(old.chainOf(`P${n}`, 0)).toHaveLength(n + 1);
      expect(old.state.anonVmas.filter((a) => !a.freed)).toHaveLength(n + 1);
    });

    it('the root never qualifies for reuse', () => {
      // P forks C and exits: A0 has degree 2 (self + child A1) and C.v's own anon_vma is A1
      const r = run('3.19', [oneVma('P', 0, 1), fork('P', 'C'), exit('P'), fork('C', 'G')]);
      expect(r.anonVmaOf('G', 0)).not.toBe(r.chainOf('G', 0).at(-1));
      expect(r.chainOf('G', 0)).toHaveLength(3);
    });
  });

  describe('6.1: num_children / num_active_vmas (2555283eb40d)', () => {
    it('fork: the child counts one active VMA, the parent one more child', () => {
      const r = run('6.1', [oneVma('P', 0, 1), fork('P', 'C')]);
      expect(r.av('av0')).toMatchObject({ num_children: 2, num_active_vmas: 1 });
      expect(r.av('av1')).toMatchObject({ num_children: 0, num_active_vmas: 1, parent: 'av0' });
    });

    it('the generations of §8.8 reuse the same anon_vmas as 3.19', () => {
      const r = run('6.1', generations(4));
      expect(r.violations).toEqual([]);
      const p4 = r.view.processes.find((p) => p.pid === 'P4')!.vmas[0]!;
      expect(p4.anonVma).toBe('av2');
      expect(p4.chain).toEqual(['av2', 'av1', 'av0']);
      const c = (id: string) => [r.viewAv(id).num_children, r.viewAv(id).num_active_vmas];
      // P3 has exited: A1 keeps its child A2 but no VMA
      expect([c('av0'), c('av1'), c('av2')]).toEqual([
        [2, 0],
        [1, 0],
        [0, 1],
      ]);
    });

    it('does not reuse an anon_vma that is still some VMA’s anon_vma (§8.9, the 3.19 double reuse)', () => {
      // §8.9: P forks C; P unmaps; C forks D; C unmaps; D forks F (reuses B); F forks G.
      const ops = [
        oneVma('P', 0, 1),
        fork('P', 'C'),
        exit('P'),
        fork('C', 'D'),
        exit('C'),
        fork('D', 'F'),
        fork('F', 'G'),
      ];
      const old = run('3.19', ops);
      const r = run('6.1', ops);
      // 3.19: G reuses E although D.v->anon_vma is E
      const vd = old.view.processes.find((p) => p.pid === 'D')!.vmas[0]!;
      const vg = old.view.processes.find((p) => p.pid === 'G')!.vmas[0]!;
      expect(vg.anonVma).toBe(vd.anonVma);
      // 6.1: G gets an anon_vma no other VMA has
      const wd = r.view.processes.find((p) => p.pid === 'D')!.vmas[0]!;
      const wg = r.view.processes.find((p) => p.pid === 'G')!.vmas[0]!;
      const wf = r.view.processes.find((p) => p.pid === 'F')!.vmas[0]!;
      expect(new Set([wd.anonVma, wg.anonVma, wf.anonVma]).size).toBe(3);
    });
  });

  describe('chainLimit (the 2014 length cap)', () => {
    it('past the limit a fork shares the parent anon_vma instead of a new level', () => {
      const ops = [oneVma('P', 0, 1), fork('P', 'C'), fork('C', 'G')];
      const r = run('2.6.36', ops, { chainLimit: 2 });
      expect(r.violations).toEqual([]);
      expect(r.chainOf('C', 0)).toEqual(['av1', 'av0']);
      expect(r.chainOf('G', 0)).toEqual(['av1', 'av0']);
      expect(r.anonVmaOf('G', 0)).toBe('av1');
      expect(r.anonVmaCount).toBe(2);
      expect(r.stepsOf(r.last).some((s) => s.fn === 'anon_vma_fork' && s.line === 'limit')).toBe(
        true,
      );
      // without the flag a third level appears
      expect(run('2.6.36', ops).chainOf('G', 0)).toHaveLength(3);
    });

    it('bounds the chain over many generations', () => {
      const r = run('3.8', generations(10), { chainLimit: 3 });
      expect(r.violations).toEqual([]);
      expect(r.chainOf('P10', 0)).toHaveLength(3);
    });
  });
});

describe('anon_vma_fork in 6.12 (anon_vma_chain_assign)', () => {
  it('puts the child entry on its chain before the root lock, inserts in the tree under it', () => {
    const order = (era: '6.1' | '6.12') => {
      const r = run(era, [oneVma('P', 0, 2), fork('P', 'C')]);
      return r
        .stepsOf(r.last)
        .filter((s) => s.fn === 'anon_vma_fork' || s.fn === 'anon_vma_chain_link')
        .map((s) => `${s.fn}:${s.line}`);
    };
    expect(order('6.1').slice(-5)).toEqual([
      'anon_vma_fork:set',
      'anon_vma_fork:lock',
      'anon_vma_chain_link:link',
      'anon_vma_fork:count-parent',
      'anon_vma_fork:unlock',
    ]);
    expect(order('6.12').slice(-6)).toEqual([
      'anon_vma_fork:set',
      'anon_vma_fork:assign',
      'anon_vma_fork:lock',
      'anon_vma_fork:tree-insert',
      'anon_vma_fork:count-parent',
      'anon_vma_fork:unlock',
    ]);
  });
});
