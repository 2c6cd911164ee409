// reclaim (page_referenced): a walk that pins nothing, the SLAB_DESTROY_BY_RCU reuse it can meet,
// and §8.6's stale root before Hugh Dickins's fix (spec §4.3, §8.6).
import { describe, expect, it } from 'vitest';
import { ERA_IDS, type EraId } from '../flags';
import { parseScenario, scenarioToJson } from '../scenario';
import { SCENARIO_FORMAT, SCENARIO_FORMAT_2 } from '../scenarioTypes';
import {
  exit,
  fork,
  mmap,
  mprotect,
  oneVma,
  parallel,
  reclaim,
  run,
  scenarioError,
  spawn,
  write,
} from '../testing';

/** P:0 on av0, C:0 on av1 (root av0) with a COW page of its own; Q on av2, another family. */
const families = [
  oneVma('P', 0, 4),
  fork('P', 'C'),
  write('C', 0),
  spawn('Q'),
  mmap('Q', 10, 4),
  write('Q', 10),
];
/** CPU1 reclaims C's page while CPU0 exits C, forks Q (reusing av1), then forks P. */
const race = (schedule?: number[]) =>
  parallel([[exit('C'), fork('Q', 'D'), fork('P', 'E')], [reclaim('C', 0)]], schedule);
const z = (n: number) => Array<number>(n).fill(0);
/** The §8.6 interleaving: root read before the reuse, lock taken after it. */
const stale = [0, 0, 1, ...z(17), 1, ...z(20), 1, 1, 1, 1, 1];

describe('reclaim (page_referenced)', () => {
  for (const era of ERA_IDS) {
    it(`${era}: counts every mapping of a shared page and leaves no lock or reference`, () => {
      const r = run(era, [oneVma('P', 0, 2), fork('P', 'C'), reclaim('P', 0)]);
      expect(r.violations).toEqual([]);
      const done = r.stepsOf(r.last).find((s) => s.line === 'done');
      expect(done?.text).toContain('2 referenced');
      for (const a of r.state.anonVmas) {
        expect(a.lock.holders).toEqual([]);
        expect(a.rcuReaders).toBe(0);
      }
      const before = run(era, [oneVma('P', 0, 2), fork('P', 'C')]);
      expect(r.av('av0').refcount).toBe(before.av('av0').refcount);
      expect(r.state.rcuReaders).toBe(0);
    });
  }

  it('takes no mmap_sem and no reference before 3.0, a reference from 3.0', () => {
    const old = run('2.6.36', [oneVma('P', 0, 1), reclaim('P', 0)]);
    expect(old.fns(old.last)).not.toContain('mmap_sem');
    expect(old.fns(old.last)).not.toContain('page_get_anon_vma');
    const now = run('3.0', [oneVma('P', 0, 1), reclaim('P', 0)]);
    expect(now.fns(now.last)).toContain('page_get_anon_vma');
  });

  it('reads the root and locks it in 2.6.36; locks the anon_vma itself in 2.6.34', () => {
    const ops = [oneVma('P', 0, 1), fork('P', 'C'), write('C', 0), reclaim('C', 0)];
    const locked = (era: EraId) => {
      const r = run(era, ops);
      return r.acquired(r.last);
    };
    expect(locked('2.6.36')).toEqual(['av0:w']);
    expect(locked('2.6.34')).toEqual(['av1:w']);
    expect(locked('6.1')).toEqual(['av0:r']);
  });

  it('visits every entry of a list, only the covering ones of an interval tree (3.7+)', () => {
    const ops = [oneVma('P', 0, 4), mprotect('P', 2, 2, 'r'), reclaim('P', 0)];
    const visits = (era: '2.6.36' | '6.1') => {
      const r = run(era, ops);
      return r.stepsOf(r.last).filter((st) => st.line === 'visit').length;
    };
    expect(visits('2.6.36')).toBe(2);
    expect(visits('6.1')).toBe(1);
  });

  it('needs a page mapped at the address', () => {
    const e = scenarioError('6.1', [oneVma('P', 0, 1), reclaim('P', 3)]);
    expect(e.message).toContain('no anonymous page is mapped at P:3');
  });
});

describe('SLAB_DESTROY_BY_RCU reuse', () => {
  it('a freed anon_vma is never reused when no RCU reader holds it', () => {
    const r = run('2.6.36', [...families, exit('C'), fork('Q', 'D')]);
    expect(r.state.anonVmas.map((a) => a.reused)).toEqual([0, 0, 0, 0]);
    expect(r.state.anonVmas[1]!.freed).toBe(true);
  });

  it('one still read under RCU is handed out first, keeping its trace id and its lock', () => {
    const r = run('2.6.36', [...families, race(stale)], { lockRecheck: false });
    const av1 = r.state.anonVmas[1]!;
    expect(av1.reused).toBe(1);
    expect(av1.freed).toBe(false);
    expect(av1.root).toBe(r.state.anonVmas[2]);
    expect(r.state.anonVmas).toHaveLength(3);
    expect(r.steps.some((s) => s.text.includes('handed out again'))).toBe(true);
  });
});

describe('§8.6 stale root in page_lock_anon_vma', () => {
  it('before the fix: locks av0, unlocks av2, and the next fork of P hangs on av0', () => {
    const r = run('2.6.36', [...families, race(stale)], { lockRecheck: false });
    expect(r.kinds).toEqual(['unlocked-write', 'deadlock']);
    expect(r.violations[0]!.message).toBe('cpu1 released the lock of av2 without holding it');
    expect(r.violations[1]!.message).toBe('no CPU can move: cpu0 waits for av0 (held by cpu1)');
    const unlock = r.steps.find((s) => s.fn === 'page_unlock_anon_vma' && s.line === 'unlock');
    expect(unlock?.text).toBe('spin_unlock(av2) — av1->root was av0 when locked');
  });

  it('with the fix: the page is gone, so the same root is unlocked and nothing is walked', () => {
    // the same interleaving up to the lock; after it the fixed path is shorter
    const r = run('2.6.36', [...families, race(stale.slice(0, 42))]);
    expect(r.violations).toEqual([]);
    const last = r.steps.filter((s) => s.cpu === 1).pop();
    expect(last?.line).toBe('rcu-unlock');
    expect(r.steps.some((s) => s.line === 'unlock-same' && s.text === 'spin_unlock(av0)')).toBe(
      true,
    );
    expect(r.steps.some((s) => s.fn === 'page_referenced_anon' && s.line === 'visit')).toBe(false);
  });
});

describe('format @2', () => {
  it('reclaim in an @1 file is an error naming the op and the format it needs', () => {
    let message = '';
    try {
      parseScenario({
        format: SCENARIO_FORMAT,
        title: 'x',
        era: '6.1',
        ops: [spawn('P'), parallel([[reclaim('P', 0)], [spawn('Q')]])],
      });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toBe(
      'op 1 (parallel) thread 0 op 0 (reclaim): needs "format": "anon-vma-forest/scenario@2"',
    );
  });
  it('round-trips through scenarioToJson as @2', () => {
    const sc = parseScenario({
      format: SCENARIO_FORMAT_2,
      title: 'x',
      era: '2.6.36',
      ops: [...families.flat(), race(stale)],
    });
    const back = parseScenario(scenarioToJson(sc));
    expect(back).toEqual(sc);
    expect(scenarioToJson(sc)).toContain('"format": "anon-vma-forest/scenario@2"');
  });
  it('an @2 file keeps its format, with or without reclaim', () => {
    const sc = parseScenario({
      format: SCENARIO_FORMAT_2,
      title: 'x',
      era: '6.1',
      ops: [spawn('P')],
    });
    expect(sc.format).toBe(SCENARIO_FORMAT_2);
  });
});
