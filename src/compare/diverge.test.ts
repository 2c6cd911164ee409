import { describe, expect, it } from 'vitest';
import { replay } from '../kernel/replay';
import { builtinScenarios } from '../scenarios';
import { firstDivergence, matchCursor } from './diverge';

const race81 = builtinScenarios.find((b) => b.id === 'race-8.1')!.scenario;

describe('compare', () => {
  it('8.1 under 2.6.34 and 2.6.36 diverges where 2.6.36 takes a lock the other does not', () => {
    const a = replay(race81, { era: '2.6.34' });
    const b = replay(race81, { era: '2.6.36' });
    const d = firstDivergence(a.steps, b.steps);
    expect(d).not.toBeNull();
    expect(d!).toBeGreaterThan(1);
    expect(firstDivergence(a.steps, a.steps)).toBeNull();
  });
  it('maps a cursor to the same op and offset on the other side', () => {
    expect(matchCursor(0, [0, 3], [0, 5], 9)).toBe(0);
    expect(matchCursor(2, [0, 3], [0, 5], 9)).toBe(2);
    expect(matchCursor(4, [0, 3], [0, 5], 9)).toBe(6);
    expect(matchCursor(7, [0, 3], [0, 5], 9)).toBe(9);
  });
});
