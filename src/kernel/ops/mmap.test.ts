// spawn, mmap (mmap_region with vma_merge) and exit (exit_mmap → unlink_anon_vmas): the free
// order per era (spec §3.2, §4.3 anon_vma_unlink, §5.3 two-pass unlink, §10 "free order").
import { describe, expect, it } from 'vitest';
import { ERA_IDS, type EraId } from '../flags';
import { exit, fork, mmap, oneVma, run, scenarioError, spawn, write } from '../testing';

/** The trace ids of the anon_vmas freed during op `op`, in order. */
function freed(r: ReturnType<typeof run>, op: number): string[] {
  const out: string[] = [];
  const before = new Set(r.stateAt(r.opStarts[op]!).anonVmas.map((a) => a.id));
  let live = before;
  const end = op + 1 < r.opStarts.length ? r.opStarts[op + 1]! : r.steps.length;
  for (let n = r.opStarts[op]! + 1; n <= end; n++) {
    const now = new Set(r.stateAt(n).anonVmas.map((a) => a.id));
    for (const id of live) if (!now.has(id)) out.push(id);
    live = now;
  }
  return out;
}

describe('spawn and mmap', () => {
  it('spawn makes an empty process; mmap a VMA with vm_pgoff = its start, rw, no anon_vma', () => {
    for (const era of ERA_IDS) {
      const r = run(era, [spawn('P'), mmap('P', 5, 3)]);
      expect(r.view.processes).toEqual([
        {
          pid: 'P',
          parent: null,
          vmas: [
            {
              id: 'P:5',
              pid: 'P',
              start: 5,
              end: 8,
              pgoff: 5,
              prot: 'rw',
              growsdown: false,
              anonVma: null,
              chain: [],
            },
          ],
        },
      ]);
    }
  });

  it('an adjacent mapping merges into the existing VMA (before or after)', () => {
    for (const era of ERA_IDS) {
      const after = run(era, [spawn('P'), mmap('P', 0, 2), mmap('P', 2, 2)]);
      expect(
        after.f.processes[0]!.vmas.map((v) => [v.start, v.end]),
        era,
      ).toEqual([[0, 4]]);
      const before = run(era, [spawn('P'), mmap('P', 2, 2), mmap('P', 0, 2)]);
      expect(
        before.f.processes[0]!.vmas.map((v) => [v.start, v.end]),
        era,
      ).toEqual([[0, 4]]);
      const both = run(era, [spawn('P'), mmap('P', 0, 2), mmap('P', 4, 2), mmap('P', 2, 2)]);
      expect(
        both.f.processes[0]!.vmas.map((v) => [v.start, v.end]),
        era,
      ).toEqual([[0, 6]]);
    }
  });

  it('a mapping next to a prepared VMA joins it: the anon_vma covers the new range', () => {
    const r = run('6.1', [oneVma('P', 0, 2), mmap('P', 2, 2), write('P', 3)]);
    expect(r.f.processes[0]!.vmas).toEqual([{ start: 0, end: 4, anon_vma: 'av0', chain: ['av0'] }]);
    expect(r.anonVmaCount).toBe(1);
  });

  it('a growsdown mapping does not merge with a normal one', () => {
    const r = run('3.19', [spawn('P'), mmap('P', 0, 2), mmap('P', 2, 2, true)]);
    expect(r.f.processes[0]!.vmas).toHaveLength(2);
  });

  it('a forked VMA (chain of two) does not take in a new neighbour', () => {
    const r = run('2.6.36', [oneVma('P', 0, 2), fork('P', 'C'), mmap('C', 2, 2)]);
    expect(r.f.processes[1]!.vmas.map((v) => [v.start, v.end])).toEqual([
      [0, 2],
      [2, 4],
    ]);
  });

  it('errors: an overlapping mmap names addr; spawn of an existing pid names pid', () => {
    const e = scenarioError('6.1', [spawn('P'), mmap('P', 0, 4), mmap('P', 3, 2)]);
    expect([e.opIndex, e.field]).toEqual([2, 'addr']);
    expect(e.message).toMatch(/^op 2 \(mmap\): \[3,5\) overlaps P:0/);
    const s = scenarioError('6.1', [spawn('P'), spawn('P')]);
    expect([s.opIndex, s.field]).toEqual([1, 'pid']);
  });
});

describe('exit', () => {
  for (const era of ERA_IDS) {
    it(`${era}: an exiting process frees the anon_vmas only it used`, () => {
      const r = run(era, [oneVma('P', 0, 2), exit('P')]);
      expect(r.violations).toEqual([]);
      expect(r.f.processes).toEqual([]);
      expect(r.f.anon_vmas).toEqual([]);
      expect(r.state.anonVmas.every((a) => a.freed)).toBe(true);
      expect(r.state.mms.get('P')!.alive).toBe(false);
    });
  }

  for (const era of ERA_IDS.filter((e) => e !== '2.6.33')) {
    it(`${era}: the parent exits first: the root stays (the child's VMA is on its list)`, () => {
      const r = run(era, [oneVma('P', 0, 2), fork('P', 'C'), exit('P')]);
      expect(r.violations).toEqual([]);
      expect(r.f.processes.map((p) => p.pid)).toEqual(['C']);
      expect(r.chainOf('C', 0)).toEqual(['av0', 'av1']);
      expect(r.treeOf('av1')).toEqual(['C:0']);
      expect(r.page('C', 0)?.anon_vma).toBe('av1');
    });

    it(`${era}: the child exits first: its anon_vma is freed, the root stays`, () => {
      const r = run(era, [oneVma('P', 0, 2), fork('P', 'C'), exit('C')]);
      expect(r.violations).toEqual([]);
      expect(freed(r, r.last)).toEqual(['av1']);
      expect(r.treeOf('av0')).toEqual(['P:0']);
      if (r.flags.pinRoot)
        expect(r.av('av0').refcount).toBe(r.flags.refcount === 'refcount' ? 1 : 0);
    });

    it(`${era}: the last process of the family frees child before root`, () => {
      const r = run(era, [oneVma('P', 0, 2), fork('P', 'C'), exit('P'), exit('C')]);
      expect(r.violations).toEqual([]);
      expect(freed(r, r.last)).toEqual(['av1', 'av0']);
      expect(r.f.anon_vmas).toEqual([]);
    });
  }

  it('2.6.33: the family anon_vma is freed with the last VMA on its list', () => {
    const r = run('2.6.33', [oneVma('P', 0, 2), fork('P', 'C'), exit('P')]);
    expect(r.treeOf('av0')).toEqual(['C:0']);
    const all = run('2.6.33', [oneVma('P', 0, 2), fork('P', 'C'), exit('P'), exit('C')]);
    expect(freed(all, all.last)).toEqual(['av0']);
  });

  it('2.6.34–2.6.36 unlink entry by entry under each lock; 3.0+ one root lock then puts outside it', () => {
    const ops = [oneVma('P', 0, 1), fork('P', 'C'), exit('P'), exit('C')];
    const shape = (era: EraId) => {
      const r = run(era, ops);
      return r
        .stepsOf(r.last)
        .filter((s) => s.lock?.owner.startsWith('av') || s.fn === 'put_anon_vma')
        .map((s) => (s.lock ? `${s.lock.kind} ${s.lock.owner}` : 'put'));
    };
    expect(shape('2.6.34')).toEqual(['acquire av1', 'release av1', 'acquire av0', 'release av0']);
    // 2.6.36: B's unlink, then drop_anon_vma of B's pin on A (dec-and-lock), then A's unlink
    expect(shape('2.6.36')).toEqual([
      'acquire av0',
      'release av0',
      'acquire av0',
      'release av0',
      'acquire av0',
      'release av0',
    ]);
    expect(shape('3.0')).toEqual(['acquire av0', 'release av0', 'put', 'put']);
    expect(shape('6.1')).toEqual(['acquire av0', 'release av0', 'put', 'put']);
  });

  it('3.19 / 6.1: unlink takes the VMA out of the counters', () => {
    const d = run('3.19', [oneVma('P', 0, 1), fork('P', 'C'), exit('C')]);
    expect(d.av('av0').degree).toBe(2);
    const n = run('6.1', [oneVma('P', 0, 1), fork('P', 'C'), exit('P')]);
    expect(n.f.anon_vmas.map((a) => [a.id, a.num_children, a.num_active_vmas])).toEqual([
      ['av0', 0, 1],
      ['av1', 2, 0], // the root still counts itself: its tree is not empty
    ]);
  });

  it('errors: exit of an unknown or exited pid names pid', () => {
    const unknown = scenarioError('6.1', [spawn('P'), exit('Q')]);
    expect([unknown.opIndex, unknown.field]).toEqual([1, 'pid']);
    expect(unknown.message).toMatch(/"Q" does not exist/);
    const twice = scenarioError('6.1', [spawn('P'), exit('P'), exit('P')]);
    expect([twice.opIndex, twice.field]).toEqual([2, 'pid']);
    expect(twice.message).toMatch(/has exited/);
  });
});

describe('mmap in 6.12', () => {
  it('write-locks the new VMA in the step that inserts it, until mmap_write_unlock', () => {
    const r = run('6.12', [spawn('P'), mmap('P', 0, 4)]);
    const steps = r.stepsOf(r.last);
    const insert = steps.find((s) => s.fn === 'mmap_region' && s.line === 'new')!;
    expect(insert.lock).toEqual({ kind: 'acquire', owner: 'vm_lock:P:0', mode: 'w' });
    expect(steps.map((s) => `${s.fn}:${s.line}`).slice(-2)).toEqual([
      'mmap_lock:end-write-all',
      'mmap_lock:unlock',
    ]);
    expect(r.view.processes[0]!.vmas[0]!.lockedBy).toBeUndefined();
  });
});
