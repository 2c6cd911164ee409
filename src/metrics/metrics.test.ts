import { describe, expect, it } from 'vitest';
import { replay } from '../kernel/replay';
import { builtinScenarios } from '../scenarios';
import { anonVmasOverTime, chainLengths, locksPerOp, walks } from './metrics';

const sc = (id: string) => builtinScenarios.find((b) => b.id === id)!.scenario;

describe('metrics', () => {
  it('counts VMAs visited per walk: the chain makes a private page cheap to find', () => {
    const v33 = walks(replay(sc('tour-why-the-chain'), { era: '2.6.33' })).filter(
      (w) => w.op === 12,
    );
    const v34 = walks(replay(sc('tour-why-the-chain'), { era: '2.6.34' })).filter(
      (w) => w.op === 12,
    );
    expect(v33.map((w) => w.visits)).toEqual([5, 5]);
    expect(v34.map((w) => w.visits)).toEqual([1, 1]);
  });
  it('shows the endless growth up to 3.8 and the bound from 3.19', () => {
    const g38 = anonVmasOverTime(replay(sc('growth-8.8'), { era: '3.8' }));
    const g61 = anonVmasOverTime(replay(sc('growth-8.8'), { era: '6.1' }));
    expect(g38.at(-1)!.total).toBe(7);
    expect(g61.at(-1)!.total).toBeLessThanOrEqual(3);
    const r = replay(sc('growth-8.8'), { era: '3.8' });
    expect(Math.max(...chainLengths(r.stateAt(r.steps.length)).map((c) => c.length))).toBe(7);
  });
  it('counts lock acquisitions per operation, the root only from 2.6.36', () => {
    const r = replay(sc('tour-why-the-root-lock'), { era: '2.6.36' });
    const rows = locksPerOp(r, sc('tour-why-the-root-lock'));
    expect(rows).toHaveLength(sc('tour-why-the-root-lock').ops.length);
    expect(rows.find((x) => x.label.startsWith('3: fork'))!.anonVma).toBeGreaterThan(0);
  });
});
