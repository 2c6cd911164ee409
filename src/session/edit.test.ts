import { describe, expect, it } from 'vitest';
import type { Scenario } from '../kernel/scenarioTypes';
import { scenarioAsReplayed } from './current';
import { emptyScenario, withOp, withoutLastOp, withSchedule } from './edit';
import { cachedSession, sessionKey } from './session';

const base: Scenario = {
  ...emptyScenario('2.6.36'),
  ops: [{ op: 'spawn', pid: 'P' }],
  narration: [{ op: 0, text: 'P starts' }],
  expect: { holds: [{ era: '2.6.36' }] },
};

describe('scenario edits', () => {
  it('never change their input', () => {
    const copy = structuredClone(base);
    withOp(base, { op: 'exit', pid: 'P' });
    withoutLastOp(base);
    withSchedule(base, 0, [0]);
    expect(base).toEqual(copy);
  });

  it('drops expectations and narration past the end', () => {
    const undone = withoutLastOp(base);
    expect(undone?.ops).toEqual([]);
    expect(undone?.narration).toEqual([]);
    expect(undone?.expect).toBeUndefined();
    expect(withoutLastOp(emptyScenario('6.1'))).toBeNull();
  });

  it('writes the era and flag overrides into a saved file', () => {
    const sc = { ...base, flags: { tailInsert: false } };
    expect(scenarioAsReplayed(sc, '3.0', { pinRoot: false })).toMatchObject({
      era: '3.0',
      flags: { tailInsert: false, pinRoot: false },
    });
    expect(scenarioAsReplayed(base, null, {}).flags).toBeUndefined();
  });
});

describe('session cache', () => {
  it('keys on content, era, flags and mode', () => {
    const a = withOp(base, { op: 'exit', pid: 'P' });
    const b = withOp(base, { op: 'exit', pid: 'P' });
    expect(sessionKey('custom', a, null)).toBe(sessionKey('custom', b, null));
    expect(cachedSession('custom', a, null)).toBe(cachedSession('custom', b, null));
    const keys = [
      sessionKey('custom', a, '3.0'),
      sessionKey('custom', a, null, { flags: { pinRoot: false } }),
      sessionKey('custom', a, null, { interactive: true }),
      sessionKey('custom', base, null),
    ];
    expect(new Set([sessionKey('custom', a, null), ...keys]).size).toBe(5);
  });
});
