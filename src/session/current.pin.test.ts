import { describe, expect, it } from 'vitest';
import { replay } from '../kernel/replay';
import { builtinScenarios } from '../scenarios';
import { scenarioAsReplayed } from './current';

describe('scenarioAsReplayed', () => {
  it('writes a race under another era as a file that replays strictly to the same trace', () => {
    const sc = builtinScenarios.find((b) => b.id === 'race-8.1')!.scenario;
    const file = scenarioAsReplayed(sc, '3.0', {});
    expect(file.era).toBe('3.0');
    const shown = replay(sc, { era: '3.0' });
    const again = replay(file);
    expect(again.steps.length).toBe(shown.steps.length);
    expect(again.violations).toEqual(shown.violations);
  });
});
