import { describe, expect, it } from 'vitest';
import { builtinScenarios } from '../scenarios';
import { effectiveFlags, lenient, replay, runScenario, type ReplayOptions } from './replay';
import type { Scenario } from './scenarioTypes';
import { viewOf } from './viewState';

/** The state at cursor n the way stateAt made it before op states: a run from step 0. */
function fromStart(sc: Scenario, opts: ReplayOptions, n: number) {
  const { era, flags } = effectiveFlags(sc, opts);
  const r = runScenario(sc, era, flags, {
    limit: n,
    checks: false,
    record: false,
    lenientSchedule: lenient(opts),
    interactive: opts.interactive ?? false,
  });
  return viewOf(r.s, r.cpuStatus());
}

/** 0..n-1 in an order fixed by `seed` (Fisher–Yates over a small LCG). */
function shuffled(n: number, seed: number): number[] {
  const out = [...Array(n).keys()];
  let x = seed >>> 0 || 1;
  for (let i = n - 1; i > 0; i--) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    const j = x % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('stateAt from the start of the cursor’s op', () => {
  // each built-in under its own era and under another one (lenient), cursors in a random order
  // so that kept states are made from earlier, later and no kept states
  const cases = builtinScenarios.flatMap(({ id, scenario }) => [
    { name: `${id} (own era)`, scenario, opts: {} as ReplayOptions },
    {
      name: `${id} (${scenario.era === '6.1' ? '2.6.36' : '6.1'})`,
      scenario,
      opts: { era: scenario.era === '6.1' ? '2.6.36' : '6.1' } as ReplayOptions,
    },
  ]);
  for (const { name, scenario, opts } of cases) {
    it(`${name}: equals a run from step 0 at the cursors`, () => {
      const r = replay(scenario, opts);
      const total = r.steps.length;
      // a shuffled order (kept states are then made from earlier ones, later ones and none);
      // every cursor of a short trace, 400 of a long one (each check re-runs from step 0)
      const order = shuffled(total + 1, total).slice(0, 400);
      for (const n of order)
        expect(r.stateAt(n), `cursor ${n}`).toEqual(fromStart(scenario, opts, n));
    });
  }

  it('an interactive replay stopped at a choice rebuilds its states the same way', () => {
    const { scenario } = builtinScenarios.find((b) => b.id === 'race-8.1')!;
    const bare: Scenario = {
      ...scenario,
      ops: scenario.ops.map((op) => (op.op === 'parallel' ? { ...op, schedule: [] } : op)),
    };
    const opts: ReplayOptions = { interactive: true };
    const r = replay(bare, opts);
    expect(r.awaiting).not.toBeNull();
    for (let n = r.steps.length; n >= 0; n--)
      expect(r.stateAt(n), `cursor ${n}`).toEqual(fromStart(bare, opts, n));
  });
});
