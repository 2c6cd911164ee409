import { describe, expect, it } from 'vitest';
import { replay } from '../../kernel';
import type { Walk } from '../../metrics/metrics';
import { locksPerOp } from '../../metrics/metrics';
import { builtinScenarios } from '../../scenarios';
import {
  comparisonRuns,
  familyLines,
  lockGroups,
  lockSeries,
  maxValue,
  runSeries,
  walkGroups,
} from './chartData';
import { familiesOf, replayUnder, underEras, walksOf } from './eraReplays';
import { chainReading, familyReading, lockReading, opAtCursor, walkReading } from './readings';

const get = (id: string) => builtinScenarios.find((b) => b.id === id)!.scenario;

describe('lockGroups', () => {
  it('has one group per op, anon_vma locks under mmap_sem/page locks', () => {
    const sc = get('race-8.1');
    const groups = lockGroups(locksPerOp(replay(sc), sc));
    expect(groups).toHaveLength(sc.ops.length);
    expect(groups.map((g) => g.key)).toEqual(sc.ops.map((_, i) => String(i)));
    expect(groups[5]!.values.map((v) => v.series)).toEqual(['anon_vma', 'other']);
    expect(maxValue(groups, true)).toBe(4);
    expect(lockReading(groups)).toMatch(/^4 anon_vma lock acquisitions and 6 mmap_sem/);
  });

  it('stacks per-VMA locks between the two where the era takes them (6.12)', () => {
    const sc = get('fork-and-cow');
    const rows = locksPerOp(replay(sc, { era: '6.12' }), sc);
    const groups = lockGroups(rows);
    expect(lockSeries(rows).map((s) => s.key)).toEqual(['anon_vma', 'vm_lock', 'other']);
    expect(groups[0]!.values.map((v) => v.series)).toEqual(['anon_vma', 'vm_lock', 'other']);
    // every write fault read-locks its VMA: at least one per-VMA lock per touch op
    sc.ops.forEach((op, i) => {
      if (op.op === 'touch') expect(rows[i]!.vmaLock, `op ${i}`).toBeGreaterThan(0);
    });
    expect(lockReading(groups)).toMatch(/ per-VMA lock acquisitions and /);
    const old = locksPerOp(replay(sc, { era: '6.1' }), sc);
    expect(lockSeries(old).map((s) => s.key)).toEqual(['anon_vma', 'other']);
  });
});

describe('walk comparison', () => {
  const sc = get('tour-why-the-chain');
  const w = (op: number, fn: string, visits: number): Walk => ({ step: 1, op, fn, visits });

  it('matches walks across eras by op, walker and rank', () => {
    const groups = walkGroups(sc, [
      {
        key: 'a',
        label: 'a',
        data: [w(12, 'try_to_unmap_anon', 5), w(12, 'try_to_unmap_anon', 4)],
      },
      { key: 'b', label: 'b', data: [w(12, 'try_to_unmap_anon', 1), w(13, 'rmap_walk_anon', 2)] },
    ]);
    expect(groups.map((g) => [g.key, g.values])).toEqual([
      [
        '12:try_to_unmap_anon:0',
        [
          { series: 'a', value: 5 },
          { series: 'b', value: 1 },
        ],
      ],
      ['12:try_to_unmap_anon:1', [{ series: 'a', value: 4 }]],
      ['13:rmap_walk_anon:0', [{ series: 'b', value: 2 }]],
    ]);
    expect(groups[0]!.title).toBe('12: migrate C4: try_to_unmap_anon');
    expect(groups[1]!.label).toBe('12·unmap 2');
  });

  it('tells the 2.6.33 → 2.6.34 story: C4’s private page, 5 VMAs then 1', () => {
    const runs = comparisonRuns(
      { era: '2.6.33', plain: true, setting: '2.6.33', data: walksOf(replay(sc)) },
      underEras(sc, ['2.6.33', '2.6.34', '3.8'], walksOf),
    );
    expect(runs.map((r) => r.key)).toEqual(['2.6.33', '2.6.34', '3.8']);
    expect(runs[0]!.label).toBe('2.6.33 (on screen)');
    const first = walkGroups(sc, runs)[0]!;
    expect(first.key).toBe('12:try_to_unmap_anon:0');
    expect(first.values).toEqual([
      { series: '2.6.33', value: 5 },
      { series: '2.6.34', value: 1 },
      { series: '3.8', value: 1 },
    ]);
    expect(walkReading(runs)).toContain('2.6.33 (on screen): 5, 5, 5, 5; 2.6.34: 1, 1, 5, 5');
  });

  it('keeps the eras in order and marks the one on screen', () => {
    const runs = comparisonRuns({ era: '2.6.34', plain: true, setting: '2.6.34', data: 0 }, [
      { era: '2.6.33', data: 1 },
      { era: '2.6.34', data: 2 },
      { era: '3.8', data: 3 },
    ]);
    expect(runs.map((r) => [r.key, r.label, r.data])).toEqual([
      ['2.6.33', '2.6.33', 1],
      ['2.6.34', '2.6.34 (on screen)', 0],
      ['3.8', '3.8', 3],
    ]);
  });

  it('keeps the replay on screen as its own run when flags changed', () => {
    const runs = comparisonRuns(
      { era: '2.6.34', plain: false, setting: '2.6.34 with tailInsert on', data: 1 },
      [
        { era: '2.6.33', data: 2 },
        { era: '2.6.34', data: 3 },
      ],
    );
    expect(runs.map((r) => [r.key, r.label])).toEqual([
      ['current', 'on screen: 2.6.34 with tailInsert on'],
      ['2.6.33', '2.6.33'],
      ['2.6.34', '2.6.34'],
    ]);
    expect(runSeries(runs).map((s) => s.tone)).toEqual([0, 1, 2]);
  });
});

describe('families over time (§8.8)', () => {
  const sc = get('growth-8.8');
  it('climbs to 7 under 3.8 and stays at 3 or less under 6.1', () => {
    const lines = familyLines(
      underEras(sc, ['3.8', '6.1'], familiesOf).map((r) => ({
        key: r.era,
        label: r.era,
        data: r.data,
      })),
    );
    const [l38, l61] = lines;
    expect(l38!.points.at(-1)!.y).toBe(7);
    expect(Math.max(...l61!.points.map((p) => p.y))).toBeLessThanOrEqual(3);
    expect(l38!.points.map((p) => p.x)).toEqual(sc.ops.map((_, i) => i));
  });
  it('gives the same counts in one forward pass as op by op', () => {
    const t = replay(sc, { era: '3.8' });
    const slow = familiesOf({ steps: t.steps, opStarts: t.opStarts, stateAt: t.stateAt });
    expect(familiesOf(t)).toEqual(slow);
    // memoized per trace
    expect(familiesOf(t)).toBe(familiesOf(t));
  });
  it('reads the final and the largest value of each run', () => {
    const runs = underEras(sc, ['3.8', '6.1'], familiesOf).map((r) => ({
      key: r.era,
      label: r.era,
      data: r.data,
    }));
    expect(familyReading(runs)).toContain('3.8: 7 at the end; 6.1: 3 at the end');
  });
});

describe('replayUnder', () => {
  it('memoizes per scenario and era, and skips eras the model rejects', () => {
    const sc = get('race-8.1');
    expect(replayUnder(sc, '2.6.36')).toBe(replayUnder(sc, '2.6.36'));
    const broken = { ...sc, ops: [{ op: 'touch' as const, pid: 'nobody', addr: 0, write: true }] };
    expect(replayUnder(broken, '6.1')).toBeNull();
    expect(underEras(broken, ['6.1', '3.8'], () => 1)).toEqual([]);
  });
});

describe('readings', () => {
  it('finds the op the cursor is in', () => {
    expect(opAtCursor([0, 3, 3, 7], 0)).toBeNull();
    expect(opAtCursor([0, 3, 3, 7], 1)).toBe(0);
    expect(opAtCursor([0, 3, 3, 7], 3)).toBe(0);
    expect(opAtCursor([0, 3, 3, 7], 4)).toBe(2);
    expect(opAtCursor([0, 3, 3, 7], 9)).toBe(3);
  });
  it('says how long the longest chain is', () => {
    expect(chainReading([], 0)).toBe('No VMA exists at step 0.');
    expect(
      chainReading(
        [
          {
            key: 'G6:0',
            label: 'G6:0',
            title: 'VMA G6:0',
            values: [{ series: 'chain', value: 7 }],
          },
        ],
        257,
      ),
    ).toBe("1 VMA at step 257; the longest chain is G6:0's, with 7 anon_vmas.");
  });
});
