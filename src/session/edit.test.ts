import { describe, expect, it } from 'vitest';
import type { Scenario } from '../kernel/scenarioTypes';
import { scenarioAsReplayed } from './current';
import { emptyScenario, withLastInParallel, withOp, withoutLastOp, withSchedule } from './edit';
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

describe('the last op in parallel', () => {
  const migrate = { op: 'migrate', pid: 'P', addr: 1 } as const;
  const mprotect = { op: 'mprotect', pid: 'P', addr: 1, pages: 1, prot: 'r' } as const;
  const exit = { op: 'exit', pid: 'P' } as const;
  const two = { ...base, ops: [...base.ops, migrate, mprotect] };

  it('puts the last two ops on a CPU each, and a third op as one more CPU', () => {
    const paired = withLastInParallel(two);
    if (typeof paired === 'string') throw new Error(paired);
    expect(paired.ops).toEqual([base.ops[0], { op: 'parallel', threads: [[migrate], [mprotect]] }]);
    const three = withLastInParallel(withOp(paired, exit));
    if (typeof three === 'string') throw new Error(three);
    expect(three.ops[1]).toEqual({ op: 'parallel', threads: [[migrate], [mprotect], [exit]] });
    expect(two.ops).toHaveLength(3);
  });
  it('says why when there is nothing to pair', () => {
    expect(withLastInParallel(base)).toMatch(/takes two ops/);
    const paired = withLastInParallel(two) as Scenario;
    expect(withLastInParallel(paired)).toMatch(/parallel block already/);
    const eight: Scenario = {
      ...base,
      ops: [{ op: 'parallel', threads: Array.from({ length: 8 }, () => [exit]) }, exit],
    };
    expect(withLastInParallel(eight)).toMatch(/at most 8 CPUs/);
  });
  it('keeps the captions that still have an op, and drops expectations', () => {
    const narrated = {
      ...two,
      narration: [
        { op: 0, text: 'a' },
        { op: 2, text: 'c' },
      ],
    };
    const paired = withLastInParallel(narrated) as Scenario;
    expect(paired.narration).toEqual([{ op: 0, text: 'a' }]);
    expect(paired.expect).toBeUndefined();
  });
});
