import { describe, expect, it } from 'vitest';
import { builtinScenarios } from '../scenarios';
import { deleteSaved, idFor, listSaved, SAVED_PREFIX, saveScenario } from './savedScenarios';
import type { StorageLike } from './savedScenarios';
import type { Scenario } from '../kernel/scenarioTypes';

/** An in-memory Storage. */
function memoryStorage(): StorageLike & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    get length() {
      return map.size;
    },
    key: (i) => [...map.keys()][i] ?? null,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

const scenario = builtinScenarios[0]!.scenario;
const st = (sc: Scenario) => ({ scenario: sc, era: null, flags: {} });

describe('saved scenarios', () => {
  it('saves, lists newest first, replaces by name and deletes', () => {
    const storage = memoryStorage();
    expect(saveScenario(storage, ' My  forest ', st(scenario), new Date('2026-01-01'))).toBeNull();
    expect(
      saveScenario(
        storage,
        'Other',
        { scenario, era: '3.0', flags: { pinRoot: false } },
        new Date('2026-01-02'),
      ),
    ).toBeNull();
    expect(
      saveScenario(storage, 'my forest', st({ ...scenario, title: 'v2' }), new Date('2026-01-03')),
    ).toBeNull();
    const list = listSaved(storage);
    expect(list.skipped).toEqual([]);
    expect(list.entries.map((e) => [e.name, e.scenario.title])).toEqual([
      ['my forest', 'v2'],
      ['Other', scenario.title],
    ]);
    expect(list.entries[1]).toMatchObject({ era: '3.0', flags: { pinRoot: false } });
    expect(list.entries[0]?.era).toBeUndefined();
    deleteSaved(storage, idFor('Other'));
    expect(listSaved(storage).entries).toHaveLength(1);
  });

  it('skips damaged entries with a notice and keeps the others', () => {
    const storage = memoryStorage();
    saveScenario(storage, 'good', st(scenario));
    storage.setItem(
      `${SAVED_PREFIX}bad-flag`,
      JSON.stringify({ name: 'y', savedAt: '', scenario, flags: { nope: 1 } }),
    );
    storage.setItem(`${SAVED_PREFIX}bad-json`, '{not json');
    storage.setItem(
      `${SAVED_PREFIX}bad-scenario`,
      JSON.stringify({ name: 'x', savedAt: '', scenario: { ops: 1 } }),
    );
    storage.setItem(`${SAVED_PREFIX}no-name`, JSON.stringify({ savedAt: '', scenario }));
    storage.setItem('unrelated', 'x');
    const list = listSaved(storage);
    expect(list.entries.map((e) => e.name)).toEqual(['good']);
    expect(list.skipped).toHaveLength(4);
    expect(list.skipped.join('\n')).toMatch(/bad-json.*not JSON/);
  });

  it('refuses nameless or invalid scenarios and survives a storage that throws', () => {
    const storage = memoryStorage();
    expect(saveScenario(storage, '  ', st(scenario))).toMatch(/name/);
    expect(saveScenario(storage, 'x', st({ ...scenario, ops: [] }))).toMatch(/cannot be saved/);
    expect(saveScenario(null, 'x', st(scenario))).toMatch(/no local storage/);
    const throwing: StorageLike = {
      length: 1,
      key: () => {
        throw new Error('denied');
      },
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {
        throw new Error('denied');
      },
    };
    expect(listSaved(throwing).skipped[0]).toMatch(/cannot be read here: denied/);
    expect(saveScenario(throwing, 'x', st(scenario))).toMatch(/not saved: QuotaExceeded/);
    expect(() => deleteSaved(throwing, 'x')).not.toThrow();
  });
});
