// The scenarios that replay messages of the 2010 "[PATCH 0/5] always lock the root anon_vma"
// thread show what their narration says: lock counts for patch 4/5 v1 vs v2 (brk), and the
// forest facts behind the answers to KAMEZAWA Hiroyuki's four questions.
import { describe, expect, it } from 'vitest';
import type { EraId, Flags } from '../kernel/flags';
import { replay, type Replay } from '../kernel/replay';
import type { Forest } from '../kernel/snapshot';
import type { Scenario } from '../kernel/scenarioTypes';
import type { Step } from '../kernel/trace';
import { walks } from '../metrics/metrics';
import { builtinScenarios } from './index';

function builtin(id: string): Scenario {
  const hit = builtinScenarios.find((b) => b.id === id);
  if (!hit) throw new Error(`no built-in scenario ${id}`);
  return hit.scenario;
}

/** Whether a step belongs to an `expand` op (top level, or one thread's op in a parallel block). */
function inExpand(sc: Scenario, s: Step): boolean {
  const op = sc.ops[s.op];
  if (!op) return false;
  if (op.op === 'expand') return true;
  if (op.op !== 'parallel' || !s.threadOp) return false;
  const [thread, i] = s.threadOp;
  return op.threads[thread]?.[i]?.op === 'expand';
}

const acquires = (steps: Step[], owner: string): Step[] =>
  steps.filter((s) => s.lock?.kind === 'acquire' && s.lock.owner === owner);

/** The trace id of the root anon_vma of `pid`'s first VMA at the end of the replay. */
function rootOf(r: Replay, pid: string): string {
  const v = r.stateAt(r.steps.length);
  const av = v.processes.find((p) => p.pid === pid)?.vmas[0]?.anonVma;
  const root = v.anonVmas.find((a) => a.id === av)?.root;
  if (!root) throw new Error(`${pid} has no anon_vma root`);
  return root;
}

describe('thread-4of5-brk: patch 4/5 v1 vs v2 on brk', () => {
  const sc = builtin('thread-4of5-brk');
  const run = (adjustLock: Flags['adjustLock']): Replay =>
    replay(sc, { era: '2.6.36', flags: { adjustLock } });
  const v1 = run('always');
  const v2 = run('conditional');
  const simpleOps = sc.ops.flatMap((o) =>
    o.op === 'expand' ? [o] : o.op === 'parallel' ? o.threads.flat() : [],
  );
  const expandOps = simpleOps.filter((o) => o.op === 'expand');

  it('replays without a violation in both versions', () => {
    expect(v1.violations).toEqual([]);
    expect(v2.violations).toEqual([]);
    expect(expandOps.length).toBe(3);
  });

  it('v1 takes the root lock once per brk, v2 never', () => {
    const root = rootOf(v1, 'P');
    expect(rootOf(v2, 'P')).toBe(root);
    const during = (r: Replay): Step[] => r.steps.filter((s) => inExpand(sc, s));
    expect(acquires(during(v1), root).length).toBe(expandOps.length);
    expect(acquires(during(v2), root).length).toBe(0);
    expect(during(v2).filter((s) => s.fn === '__vma_adjust' && s.line === 'nolock').length).toBe(
      expandOps.length,
    );
  });

  it('2.6.34 takes no anon_vma lock during brk at all', () => {
    // the era's preset, without the file's adjustLock: always
    const { flags: _v1, ...preset } = sc;
    const old = replay(preset, { era: '2.6.34' });
    expect(old.flags.adjustLock).toBe('none');
    const locked = old.steps.filter(
      (s) => inExpand(sc, s) && s.lock?.kind === 'acquire' && s.lock.owner.startsWith('av'),
    );
    expect(locked).toEqual([]);
  });

  it('v1: the brk beside the migration waits for the root lock; v2: it never waits', () => {
    const par = sc.ops.findIndex((o) => o.op === 'parallel');
    const waited = (r: Replay): boolean => {
      const from = r.opStarts[par]!;
      const to = r.opStarts[par + 1] ?? r.steps.length;
      const cursors = Array.from({ length: to - from + 1 }, (_, i) => from + i);
      return r.statesAt(cursors).some((v) => v.cpus.some((c) => c.cpu === 1 && c.waitingFor));
    };
    expect(waited(v1)).toBe(true);
    expect(waited(v2)).toBe(false);
    // and the migration, on CPU0, holds the root lock for a page of C's own anon_vma
    const walkLocks = acquires(
      v1.steps.filter((s) => s.op === par && s.cpu === 0),
      rootOf(v1, 'P'),
    );
    expect(walkLocks.length).toBeGreaterThan(0);
  });

  it('shrinking the heap splits with an insert: both versions lock there', () => {
    const shrink = sc.ops.findIndex((o) => o.op === 'munmap');
    const adjustLocks = (r: Replay): number =>
      acquires(
        r.steps.filter((s) => s.op === shrink && s.fn === '__vma_adjust'),
        rootOf(r, 'P'),
      ).length;
    expect(adjustLocks(v1)).toBe(1);
    expect(adjustLocks(v2)).toBe(1);
  });
});

describe('thread-kame-questions: the forest behind the four answers', () => {
  const sc = builtin('thread-kame-questions');
  const opIndex = (pred: (o: Scenario['ops'][number]) => boolean, from = 0): number => {
    const i = sc.ops.findIndex((o, n) => n >= from && pred(o));
    if (i < 0) throw new Error('op not found');
    return i;
  };
  const firstMigrate = opIndex((o) => o.op === 'migrate');
  const secondMigrate = opIndex((o) => o.op === 'migrate', firstMigrate + 1);
  const race = opIndex((o) => o.op === 'parallel');
  const exitG = opIndex((o) => o.op === 'exit');
  /** The forest once the family is built (before the first migration). */
  const familyOf = (era: string): Forest =>
    replay({ ...sc, ops: sc.ops.slice(0, firstMigrate) }, { era }).forest();
  const r = replay(sc);
  const vmaOf = (f: Forest, pid: string) => f.processes.find((p) => p.pid === pid)?.vmas[0];
  const listOf = (f: Forest, av: string): string[] =>
    (f.anon_vmas.find((a) => a.id === av)?.tree ?? []).map((t) => `${t.pid}:${t.start}`);

  it('builds three generations, each with its own anon_vma and one more chain entry', () => {
    for (const era of ['2.6.36', '6.1']) {
      const f = familyOf(era);
      expect(vmaOf(f, 'P')?.chain, era).toEqual(['av0']);
      expect(vmaOf(f, 'C')?.chain, era).toEqual(['av1', 'av0']);
      expect(vmaOf(f, 'G')?.chain, era).toEqual(['av2', 'av1', 'av0']);
      expect(
        ['P', 'C', 'G'].map((p) => vmaOf(f, p)?.anon_vma),
        era,
      ).toEqual(['av0', 'av1', 'av2']);
      expect(f.anon_vmas.map((a) => a.root)).toEqual(['av0', 'av0', 'av0']);
      expect(listOf(f, 'av0'), era).toEqual(['P:0', 'C:0', 'G:0']);
      expect(listOf(f, 'av1'), era).toEqual(['C:0', 'G:0']);
      expect(listOf(f, 'av2'), era).toEqual(['G:0']);
      const page = (pid: string, addr: number) =>
        f.pages.find((p) => p.pid === pid && p.addr === addr)?.anon_vma;
      // page 1: P's original in av0; C's copy in av1, which G inherited
      expect([page('P', 1), page('C', 1), page('G', 1)], era).toEqual(['av0', 'av1', 'av1']);
      expect(page('G', 2), era).toBe('av2');
      expect(
        ['P', 'C', 'G'].map((p) => page(p, 3)),
        era,
      ).toEqual(['av0', 'av0', 'av0']);
    }
  });

  const stepsOf = (op: number): Step[] => r.steps.filter((s) => s.op === op);
  /** The AVCs (`pid:start/avN`) the unmap walk of op `op` visits, in order. */
  const visits = (op: number): string[] =>
    stepsOf(op)
      .filter((s) => s.fn === 'try_to_unmap_anon' && s.line === 'visit')
      .map((s) => /^visit (\S+)/.exec(s.text)?.[1] ?? s.text);

  it('Q1: the walk of the root’s list meets all three VMAs, only P maps the page', () => {
    expect(visits(firstMigrate)).toEqual(['P:0/av0', 'C:0/av0', 'G:0/av0']);
    const unlock = stepsOf(firstMigrate).find(
      (s) => s.fn === 'try_to_unmap_anon' && s.line === 'unlock',
    )!;
    const after = r.stateAt(r.steps.indexOf(unlock) + 1);
    expect(after.pages.filter((p) => p.migration).map((p) => p.id)).toEqual(['P:1']);
  });

  it('Q2: the walk starts at the page’s anon_vma (av2, one VMA) but locks the root', () => {
    expect(visits(secondMigrate)).toEqual(['G:0/av2']);
    const avLocks = stepsOf(secondMigrate).filter(
      (s) => s.lock?.kind === 'acquire' && s.lock.owner.startsWith('av'),
    );
    expect(avLocks.length).toBeGreaterThan(0);
    expect(new Set(avLocks.map((s) => s.lock!.owner))).toEqual(new Set(['av0']));
  });

  it('Q0: G’s split locks the root, not G’s own anon_vma, and waits for the walk', () => {
    const adjust = (x: Replay): string[] =>
      x.steps
        .filter((s) => s.op === race && s.fn === '__vma_adjust' && s.lock?.kind === 'acquire')
        .map((s) => s.lock!.owner);
    expect(adjust(r)).toEqual(['av0']);
    // what "vma->anon_vma->lock" would be: G's own anon_vma, which no walker of av0 takes
    expect(adjust(replay(sc, { flags: { rootLock: false } }))).toEqual(['av2']);
    const from = r.opStarts[race]!;
    const to = r.opStarts[race + 1]!;
    const states = r.statesAt(Array.from({ length: to - from + 1 }, (_, i) => from + i));
    expect(states.some((v) => v.cpus.some((c) => c.cpu === 1 && c.waitingFor === 'av0'))).toBe(
      true,
    );
  });

  it('Q3: G’s exit empties its AVCs off all three lists under the root lock and frees av2', () => {
    const ex = stepsOf(exitG);
    const avLocks = ex.filter((s) => s.lock?.kind === 'acquire' && s.lock.owner.startsWith('av'));
    expect(new Set(avLocks.map((s) => s.lock!.owner))).toEqual(new Set(['av0']));
    const dels = ex.filter((s) => s.fn === 'anon_vma_unlink' && s.line === 'del');
    expect(dels.length).toBe(6);
    expect(ex.some((s) => s.line === 'free' && s.touched.includes('av2'))).toBe(true);
    const f = r.forest();
    expect(f.processes.map((p) => p.pid)).toEqual(['P', 'C']);
    expect(f.anon_vmas.map((a) => a.id)).toEqual(['av0', 'av1']);
    expect(listOf(f, 'av0')).toEqual(['P:0', 'C:0']);
    expect(listOf(f, 'av1')).toEqual(['C:0']);
  });
});

// Michel Lespinasse's reply of 2014-11-19 in the "endless growth" discussion: the hierarchy bounds
// the VMAs an rmap walk visits; a chain cap (chainLimit) is correct but dearer; reuse costs little.
describe('thread-2014-hierarchy: VMAs visited per rmap walk under a cap and under reuse', () => {
  const sc = builtin('thread-2014-hierarchy');
  const migrations = sc.ops.flatMap((o, i) => (o.op === 'migrate' ? [i] : []));
  const run = (era: EraId, flags: Partial<Flags> = {}): Replay => replay(sc, { era, flags });
  const policies: [string, Replay][] = [
    ['3.8', run('3.8')],
    ['3.8 + chainLimit 1', run('3.8', { chainLimit: 1 })],
    ['3.19', run('3.19')],
    ['6.1', run('6.1')],
  ];
  const byName = (name: string): Replay => policies.find(([n]) => n === name)![1];
  /** Per migration, in op order: the VMAs each of its two walks (unmap, restore) visited. */
  const perWalk = (r: Replay): number[][] =>
    migrations.map((op) =>
      walks(r)
        .filter((w) => w.op === op)
        .map((w) => w.visits),
    );
  /** The VMAs (`pid:start`) the unmap walk of op `op` visits, in order. */
  const visited = (r: Replay, op: number): string[] =>
    r.steps
      .filter((s) => s.op === op && s.fn === 'try_to_unmap_anon' && s.line === 'visit')
      .map((s) => /^visit ([^/\s]+)\//.exec(s.text)?.[1] ?? s.text);
  const h2Page = migrations[2]!;

  it('migrates pages first written by G1, C1, H2 and P, in that order', () => {
    expect(sc.ops.filter((o) => o.op === 'migrate').map((o) => ('pid' in o ? o.pid : ''))).toEqual([
      'G1',
      'C1',
      'H2',
      'P',
    ]);
  });

  it('misses nothing under any policy: only the cost differs', () => {
    for (const [name, r] of policies) expect(r.violations, name).toEqual([]);
  });

  it('3.8: a leaf’s page costs 1 VMA per walk, C1’s 2, the root’s all 5', () => {
    expect(perWalk(byName('3.8'))).toEqual([
      [1, 1],
      [2, 2],
      [1, 1],
      [5, 5],
    ]);
    expect(visited(byName('3.8'), h2Page)).toEqual(['H2:0']);
  });

  it('3.8 + chainLimit 1: one anon_vma for the family, every walk visits all 5 VMAs', () => {
    const r = byName('3.8 + chainLimit 1');
    expect(perWalk(r)).toEqual([
      [5, 5],
      [5, 5],
      [5, 5],
      [5, 5],
    ]);
    const f = r.forest();
    expect(f.anon_vmas.map((a) => a.id)).toEqual(['av0']);
    expect(f.processes.map((p) => p.vmas[0]?.chain)).toEqual(Array(5).fill(['av0']));
    expect(r.steps.filter((s) => s.fn === 'anon_vma_fork' && s.line === 'limit').length).toBe(5);
  });

  for (const era of ['3.19', '6.1']) {
    it(`${era}: H2 reuses the anon_vma C2 left, and its page costs one VMA more (G2)`, () => {
      const r = byName(era);
      expect(perWalk(r), era).toEqual([
        [1, 1],
        [2, 2],
        [2, 2],
        [5, 5],
      ]);
      expect(visited(r, h2Page), era).toEqual(['G2:0', 'H2:0']);
      const fork = sc.ops.findIndex((o) => o.op === 'fork' && o.child === 'H2');
      const reused = r.steps.filter((s) => s.op === fork && s.line === 'reused');
      expect(reused.map((s) => s.text)).toEqual(['reused av2: no new anon_vma']);
      const v = r.stateAt(r.steps.length);
      const vma = (pid: string) => v.processes.find((p) => p.pid === pid)?.vmas[0];
      expect(vma('H2')?.anonVma).toBe('av2');
      expect(vma('H2')?.chain).toEqual(['av4', 'av2', 'av0']);
    });
  }
});
