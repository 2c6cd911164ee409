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
});
