import { describe, expect, it } from 'vitest';
import { builtinScenarios } from '../scenarios';
import { scenarioForFile } from './scenarioForFile';

const race = builtinScenarios.find((b) => b.id === 'race-8.1')!.scenario;

describe('scenarioForFile', () => {
  it('writes the picked era and flags in when the file still replays', () => {
    const out = scenarioForFile(race, null, { pinRoot: true });
    expect(out.note).toBeNull();
    expect(out.scenario.flags).toMatchObject({ pinRoot: true });
    expect(scenarioForFile(race, null, {})).toEqual({ scenario: race, note: null });
  });

  it('keeps the scenario as it is, with a note, when the written-in era breaks its schedule', () => {
    const out = scenarioForFile(race, '3.0', {});
    if (out.note === null) {
      expect(out.scenario.era).toBe('3.0');
    } else {
      expect(out.scenario).toBe(race);
      expect(out.note).toMatch(/does not replay/);
    }
  });
});
