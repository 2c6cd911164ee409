import { describe, expect, it } from 'vitest';
import { replay } from '../../kernel';
import { splitState, StateReader } from './stateParts';
import { chain } from './testScenarios';

describe('a state sent in parts', () => {
  const r = replay(chain(30));
  const end = r.stateAt(r.steps.length);

  it('reads back equal to the state, a part at a time', () => {
    const sent = splitState(end, 2_000);
    expect(sent.parts.length).toBeGreaterThan(5);
    // no part much over the budget but for a single element bigger than it
    for (const p of sent.parts) {
      const json = new TextDecoder().decode(p.bytes);
      expect(json.length < 4_000 || !json.includes('},{')).toBe(true);
    }
    const reader = new StateReader(sent);
    let reads = 1;
    while (!reader.read()) reads++;
    expect(reads).toBe(sent.parts.length);
    expect(reader.state()).toEqual(end);
  });

  it('keeps empty lists and a state that fits one part', () => {
    const start = r.stateAt(0);
    expect(start.anonVmas).toEqual([]);
    const sent = splitState(start);
    const reader = new StateReader(sent);
    expect(reader.read()).toBe(true);
    expect(reader.state()).toEqual(start);
    // within the budget, one part per list that has elements
    expect(splitState(end).parts.map((p) => p.key)).toEqual([
      'processes',
      'anonVmas',
      'pages',
      'cpus',
    ]);
  });
});
