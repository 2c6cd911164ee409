import { describe, expect, it } from 'vitest';
import { builtinScenarios } from '../scenarios';
import { replay } from './replay';

describe('statesAt: many cursors in one pass', () => {
  for (const { id, scenario } of builtinScenarios.slice(0, 6)) {
    it(`${id}: equals stateAt at every cursor`, () => {
      const r = replay(scenario);
      const all = Array.from({ length: r.steps.length + 1 }, (_, i) => i);
      const many = r.statesAt(all);
      const fresh = replay(scenario);
      all.forEach((n) => expect(many[n]).toEqual(fresh.stateAt(n)));
    });
  }

  it('sampleAt keeps only what its function returns, in the order asked', () => {
    const { scenario } = builtinScenarios.find((b) => b.id === 'growth-8.8')!;
    const r = replay(scenario);
    const at = [r.steps.length, 0, Math.floor(r.steps.length / 2), 5000 * r.steps.length];
    const counts = r.sampleAt(at, (v) => v.anonVmas.length);
    const fresh = replay(scenario);
    expect(counts).toEqual(at.map((n) => fresh.stateAt(n).anonVmas.length));
  });
});
