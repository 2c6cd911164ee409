import { describe, expect, it } from 'vitest';
import { replay } from './replay';
import { checkpointsOf, replayFromParts, replayParts, TooManySteps } from './replayParts';
import type { Scenario } from './scenarioTypes';

function fan(children: number): Scenario {
  const ops: Scenario['ops'] = [
    { op: 'spawn', pid: 'P0' },
    { op: 'mmap', pid: 'P0', addr: 0, pages: 4 },
    { op: 'touch', pid: 'P0', addr: 0, write: true },
  ];
  for (let i = 1; i <= children; i++) {
    ops.push({ op: 'fork', pid: 'P0', child: `C${i}` });
    ops.push({ op: 'touch', pid: `C${i}`, addr: 0, write: true });
  }
  return { format: 'anon-vma-forest/scenario@1', title: 'fan', era: '6.1', ops };
}

describe('a replay in parts (checkpoints)', () => {
  const sc = fan(60);
  const parts = replayParts(sc, { maxSteps: 100_000 }, () => {});
  const cps = checkpointsOf(sc, {}, parts, 200);
  const r = replayFromParts(sc, {}, parts, cps);
  const ref = replay(sc);

  it('keeps a few states, not one per step', () => {
    expect(cps.length).toBeGreaterThan(1);
    expect(cps.length).toBeLessThan(parts.steps.length / 100);
  });

  it('gives the same trace and the same state at every cursor as a plain replay', () => {
    expect(r.steps).toEqual(ref.steps);
    expect(r.violations).toEqual(ref.violations);
    expect(r.forest()).toEqual(ref.forest());
    for (let n = 0; n <= r.steps.length; n += 37) expect(r.stateAt(n)).toEqual(ref.stateAt(n));
    const ns = [0, 5, 199, 200, 201, 400, r.steps.length];
    expect(r.statesAt(ns)).toEqual(ref.statesAt(ns));
    expect(r.sampleAt(ns, (v) => v.anonVmas.length)).toEqual(
      ref.sampleAt(ns, (v) => v.anonVmas.length),
    );
  });

  it('stops past its bound on micro-steps', () => {
    expect(() => replayParts(sc, { maxSteps: 100 }, () => {})).toThrow(TooManySteps);
  });
});
