import { describe, expect, it } from 'vitest';
import { builtinScenarios } from '../scenarios';
import { emptyScenario, withOp } from './edit';
import {
  MAX_SCENARIO_FILE_CHARS,
  readScenarioFile,
  scenarioFileFor,
  scenarioFileName,
} from './scenarioFile';

const race = builtinScenarios.find((b) => b.id === 'race-8.1')!.scenario;
const file = (name: string, text: string, size = text.length) => ({
  name,
  size,
  text: () => Promise.resolve(text),
});

describe('scenario files', () => {
  it('are named from the title', () => {
    expect(scenarioFileName('My forest')).toBe('my-forest.json');
    expect(scenarioFileName('  ')).toBe('scenario.json');
    expect(scenarioFileName('Race 8.1: vma_adjust vs migration!')).toBe(
      'race-8.1-vma-adjust-vs-migration.json',
    );
    expect(scenarioFileName('***')).toBe('scenario.json');
  });

  it('write the picked era and flags in when the file still replays', () => {
    const out = scenarioFileFor(race, null, { pinRoot: true });
    if (!out.ok) throw new Error(out.error);
    expect(out.note).toBeNull();
    expect(JSON.parse(out.text)).toMatchObject({ flags: { pinRoot: true } });
    const plain = scenarioFileFor(race, null, {});
    expect(plain.ok && JSON.parse(plain.text)).toEqual(JSON.parse(JSON.stringify(race)));
  });

  it('keep the scenario as it is, with a note, when the written-in era breaks its schedule', () => {
    const out = scenarioFileFor(race, '3.0', {});
    if (!out.ok) throw new Error(out.error);
    if (out.note === null) expect(JSON.parse(out.text)).toMatchObject({ era: '3.0' });
    else {
      expect(JSON.parse(out.text)).toMatchObject({ era: race.era });
      expect(out.note).toMatch(/does not replay/);
    }
  });

  it('refuse an empty scenario', () => {
    expect(scenarioFileFor(emptyScenario('6.1'), null, {})).toMatchObject({ ok: false });
    const one = scenarioFileFor(withOp(emptyScenario('6.1'), { op: 'spawn', pid: 'P' }), null, {});
    expect(one.ok && JSON.parse(one.text)).toMatchObject({ ops: [{ op: 'spawn', pid: 'P' }] });
  });

  it('open a valid file, and say why another is not opened', async () => {
    const good = await readScenarioFile(file('race.json', JSON.stringify(race)));
    expect(good).toMatchObject({ ok: true, scenario: { title: race.title } });
    expect(await readScenarioFile(file('bad.json', '{"format":1}'))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^"bad\.json" was not opened: .+\.$/),
    });
    expect(
      await readScenarioFile(file('huge.json', '{}', MAX_SCENARIO_FILE_CHARS + 1)),
    ).toMatchObject({ error: expect.stringMatching(/larger than 2 MB/) });
    const unreadable = { name: 'x.json', size: 2, text: () => Promise.reject(new Error('io')) };
    expect(await readScenarioFile(unreadable)).toMatchObject({
      error: expect.stringMatching(/cannot be read/),
    });
  });
});
