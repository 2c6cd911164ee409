// Every built-in race shows its violation under the buggy era/flags (explore finds it) and
// none under the fix; the 8.8 growth scenario grows without bound up to 3.8 and not from 3.19.
import { describe, expect, it } from 'vitest';
import { explore } from '../kernel/explore';
import { replay } from '../kernel/replay';
import type { Scenario } from '../kernel/scenarioTypes';
import { builtinScenarios } from './index';

/** `expect` entries name an era and the flags on top of its preset (not the file's flags). */
function under(sc: Scenario, flags: Scenario['flags']): Scenario {
  const { flags: _drop, ...rest } = sc;
  return flags ? { ...rest, flags } : rest;
}

describe('built-in scenarios', () => {
  for (const { id, scenario } of builtinScenarios) {
    describe(id, () => {
      it('replays under its own era and flags', () => {
        const r = replay(scenario);
        expect(r.steps.length).toBeGreaterThan(0);
      });
      for (const b of scenario.expect?.breaks ?? []) {
        it(`breaks under ${b.era} ${JSON.stringify(b.flags ?? {})} with ${b.kind}`, () => {
          const r = explore(under(scenario, b.flags), { era: b.era, kind: b.kind });
          expect(r.violations.map((v) => v.kind)).toContain(b.kind);
        });
      }
      for (const h of scenario.expect?.holds ?? []) {
        it(`holds under ${h.era} ${JSON.stringify(h.flags ?? {})} in every interleaving`, () => {
          const r = explore(under(scenario, h.flags), { era: h.era });
          expect(r.violations).toEqual([]);
          expect(r.complete).toBe(true);
        });
      }
    });
  }
});

function builtin(id: string): Scenario {
  const hit = builtinScenarios.find((b) => b.id === id);
  if (!hit) throw new Error(`no built-in scenario ${id}`);
  return hit.scenario;
}

describe('8.2: the lock dance restarts without progress', () => {
  it('counts the walker’s restarts while a child’s lock is held, and misses nothing', () => {
    const r = replay(builtin('race-8.2'));
    expect(r.violations).toEqual([]);
    expect(r.counts['restarts']).toBeGreaterThanOrEqual(3);
    const fails = r.steps.filter((s) => s.lock?.kind === 'trylock-fail');
    expect(fails.length).toBe(r.counts['restarts']);
  });
  it('explore finds the restarts bounded only by the writers', () => {
    const r = explore(builtin('race-8.2'));
    expect(r.violations).toEqual([]);
    expect(r.counts['restarts']).toBeGreaterThanOrEqual(3);
  });
});

describe('8.8: endless growth of the anon_vma hierarchy', () => {
  const gens = 6;
  const last = `G${gens}`;
  const chainLen = (era: string): number => {
    const f = replay(builtin('growth-8.8'), { era }).forest();
    const p = f.processes.find((x) => x.pid === last);
    return p?.vmas[0]?.chain.length ?? -1;
  };
  it('grows the chain by one per generation up to 3.8 (n generations, n+1 entries)', () => {
    expect(chainLen('2.6.34')).toBe(gens + 1);
    expect(chainLen('2.6.36')).toBe(gens + 1);
    expect(chainLen('3.8')).toBe(gens + 1);
  });
  it('stays bounded from 3.19 (reuse of an ancestor with no VMA and one child)', () => {
    expect(chainLen('3.19')).toBe(3);
    expect(chainLen('6.1')).toBe(3);
    expect(chainLen('6.12')).toBe(3);
  });
  it('keeps every anon_vma of the family alive up to 3.8, and few from 3.19', () => {
    expect(replay(builtin('growth-8.8'), { era: '3.8' }).forest().anon_vmas.length).toBe(gens + 1);
    expect(
      replay(builtin('growth-8.8'), { era: '6.1' }).forest().anon_vmas.length,
    ).toBeLessThanOrEqual(3);
  });
});

/** VMAs visited by the rmap walks of top-level op `op` (two walks per migration). */
function visits(id: string, era: string, op: number): number {
  return replay(builtin(id), { era }).steps.filter((s) => s.op === op && s.line === 'visit').length;
}

describe('teaching tours show what they say', () => {
  it('why the chain: a child’s private page is found on a one-VMA list from 2.6.34', () => {
    expect(visits('tour-why-the-chain', '2.6.33', 12)).toBe(10);
    expect(visits('tour-why-the-chain', '2.6.34', 12)).toBe(2);
    expect(visits('tour-why-the-chain', '2.6.34', 13)).toBe(10);
  });
  it('interval tree: the walk meets only the VMAs covering the page', () => {
    expect(visits('tour-interval-tree', '3.0', 7)).toBe(28);
    expect(visits('tour-interval-tree', '3.8', 7)).toBe(4);
  });
  it('why the root lock: 2.6.36 takes only the root lock, 2.6.34 each anon_vma’s own', () => {
    const owners = (era: string): Set<string> =>
      new Set(
        replay(builtin('tour-why-the-root-lock'), { era })
          .steps.filter((s) => s.lock?.kind === 'acquire' && s.lock.owner.startsWith('av'))
          .map((s) => s.lock!.owner),
      );
    expect([...owners('2.6.36')]).toEqual(['av0']);
    expect(owners('2.6.34').size).toBeGreaterThan(1);
  });
});

describe('8.9: degree ambiguity leads to a double reuse in 3.19, not in 6.1', () => {
  const anonVmaOf = (era: string, pid: string): string | null => {
    const r = replay(builtin('race-8.9'), { era });
    const p = r.stateAt(r.steps.length).processes.find((x) => x.pid === pid);
    return p?.vmas[0]?.anonVma ?? null;
  };
  it('3.19: G reuses the anon_vma D’s VMA still has', () => {
    expect(anonVmaOf('3.19', 'G')).toBe(anonVmaOf('3.19', 'D'));
  });
  it('6.1 and 6.12: G gets an anon_vma of its own', () => {
    expect(anonVmaOf('6.1', 'G')).not.toBe(anonVmaOf('6.1', 'D'));
    expect(anonVmaOf('6.12', 'G')).not.toBe(anonVmaOf('6.12', 'D'));
  });
});

describe('step captions point at the micro-steps they describe', () => {
  it('lie inside the file’s own trace, after the op they belong to has started', () => {
    for (const { id, scenario } of builtinScenarios) {
      const r = replay(scenario);
      for (const n of scenario.narration ?? []) {
        if (!('step' in n)) continue;
        expect(n.step, id).toBeGreaterThanOrEqual(1);
        expect(n.step, id).toBeLessThanOrEqual(r.steps.length);
      }
    }
  });
  // a caption at cursor n starts with the n-th micro-step (steps[n - 1]), the one it talks about
  const anchors: [string, number, string][] = [
    ['race-8.1', 46, 'rmap_walk_anon:visit'],
    ['race-8.1', 49, '__vma_adjust:nolock'],
    ['race-8.1', 53, 'rmap_walk_anon:visit'],
    ['race-8.1', 57, 'unmap_and_move:done'],
    ['race-8.6', 63, 'page_lock_anon_vma:mapping'],
    ['race-8.6', 81, 'page_lock_anon_vma:root'],
    ['race-8.6', 91, 'anon_vma_fork:alloc'],
    ['race-8.6', 104, 'page_unlock_anon_vma:unlock'],
    ['race-8.10', 98, 'rmap_walk_anon:visit'],
    ['race-8.10', 104, 'move_page_tables:move'],
    ['race-8.10', 110, 'unmap_and_move:done'],
    ['race-8.1b', 51, 'rmap_walk_anon:lock'],
    ['race-8.1b', 56, 'expand_downwards:lock'],
    ['race-8.1b', 58, 'rmap_walk_anon:visit'],
    ['race-8.1b', 65, 'unmap_and_move:done'],
    ['race-8.2', 50, 'try_to_unmap_anon:dance-trylock'],
    ['race-8.2', 51, 'try_to_unmap_anon:dance-restart'],
    ['race-8.2', 92, 'rmap_walk_anon:dance-trylock'],
    ['race-8.2', 102, 'rmap_walk_anon:dance-trylock'],
    ['race-8.3', 66, 'try_to_unmap_anon:lock-page-av'],
    ['race-8.3', 71, 'anon_vma_unlink:lock'],
    ['race-8.3', 75, 'try_to_unmap_anon:deepest'],
    ['race-8.3', 99, 'unmap_and_move:done'],
    ['race-dec-then-lock', 23, 'drop_anon_vma:dec-and-test'],
    ['race-dec-then-lock', 28, 'anon_vma_unlink:del'],
    ['race-dec-then-lock', 31, 'drop_anon_vma:empty'],
    ['race-dec-then-lock', 34, 'anon_vma_unlink:free'],
    ['race-2012-lockless', 39, 'try_to_unmap_anon:rcu'],
    ['race-2012-lockless', 45, 'lock_anon_vma_root:lock'],
    ['race-2012-lockless', 48, 'try_to_unmap_anon:visit'],
    ['race-2012-lockless', 67, 'unmap_and_move:done'],
    ['race-8.4', 64, 'anon_vma_unlink:del'],
    ['race-8.4', 66, 'anon_vma_unlink:free'],
    ['race-8.4', 69, 'drop_anon_vma:dec-and-lock'],
    ['race-8.4', 75, 'drop_anon_vma:free'],
  ];
  for (const [id, step, at] of anchors) {
    it(`${id}: step ${step} is ${at}`, () => {
      const sc = builtin(id);
      expect(sc.narration?.some((n) => 'step' in n && n.step === step)).toBe(true);
      const s = replay(sc).steps[step - 1]!;
      expect(`${s.fn}:${s.line}`).toBe(at);
    });
  }
});

describe('a step that waited names what it touches as it is when it runs', () => {
  it('8.1: the walk visits the shifted VMA under its new start', () => {
    const r = replay(builtin('race-8.1'));
    expect(r.steps[52]!.text).toMatch(/^visit P:25\/av0 /);
  });
});
