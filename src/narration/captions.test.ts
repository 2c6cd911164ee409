import { describe, expect, it } from 'vitest';
import { replay } from '../kernel/replay';
import { builtinScenarios } from '../scenarios';
import { captionsFor, isOwnReplay, withCaptions } from './captions';

const race86 = builtinScenarios.find((b) => b.id === 'race-8.6')!.scenario;
const steps = (n: ReturnType<typeof captionsFor>) => (n ?? []).filter((x) => 'step' in x);

describe('step captions only on the file’s own replay', () => {
  it('keeps them under the file’s era, flags and schedule', () => {
    const r = replay(race86);
    expect(isOwnReplay(race86, r)).toBe(true);
    expect(steps(captionsFor(race86, r)).length).toBeGreaterThan(0);
    expect(withCaptions(race86, r)).toBe(race86);
  });
  it('drops them under another era, another flag, or another schedule', () => {
    for (const r of [
      replay(race86, { era: '2.6.34' }),
      replay(race86, { flags: { lockRecheck: true } }),
      replay({
        ...race86,
        ops: race86.ops.map((o) => (o.op === 'parallel' ? { ...o, schedule: [1] } : o)),
      }),
    ]) {
      expect(isOwnReplay(race86, r)).toBe(false);
      const kept = captionsFor(race86, r)!;
      expect(steps(kept)).toEqual([]);
      expect(kept.length).toBe(race86.narration!.filter((x) => 'op' in x).length);
    }
  });
  it('leaves a scenario without step captions alone', () => {
    const tour = builtinScenarios.find((b) => b.id === 'tour-why-the-chain')!.scenario;
    const r = replay(tour, { era: '6.1' });
    expect(withCaptions(tour, r)).toBe(tour);
  });
});
