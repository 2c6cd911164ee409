import { describe, expect, it } from 'vitest';
import { builtinScenarios } from '../scenarios';
import { pinSchedules } from './pinSchedules';
import { replay } from './replay';

describe('pinSchedules', () => {
  it('makes a race file replay strictly, and identically, under another era', () => {
    const sc = builtinScenarios.find((b) => b.id === 'race-8.1')!.scenario;
    const lenient = replay(sc, { era: '3.0' });
    const pinned = { ...pinSchedules(sc, lenient.schedules), era: '3.0' as const };
    const strict = replay(pinned);
    expect(strict.steps.map((s) => `${s.cpu}${s.fn}${s.line}`)).toEqual(
      lenient.steps.map((s) => `${s.cpu}${s.fn}${s.line}`),
    );
    expect(strict.counts['scheduleSkips']).toBeUndefined();
  });
});
