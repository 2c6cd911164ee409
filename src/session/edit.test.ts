import { describe, expect, it } from 'vitest';
import type { Scenario } from '../kernel/scenarioTypes';
import { scenarioAsReplayed } from './current';
import { emptyScenario, withLastInParallel, withOp, withoutLastOp, withSchedule } from './edit';
import { traceFor, traceKey } from './traces';
import type { TraceRequest } from './traces';

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

describe('trace cache', () => {
  it('keys on content, era, flags and mode', () => {
    const a = withOp(base, { op: 'exit', pid: 'P' });
    const b = withOp(base, { op: 'exit', pid: 'P' });
    const key = (sc: Scenario, more: Partial<TraceRequest> = {}) =>
      traceKey({ scenario: sc, era: null, ...more });
    expect(key(a)).toBe(key(b));
    expect(traceFor({ scenario: a, era: null })).toBe(traceFor({ scenario: b, era: null }));
    const keys = [
      key(a, { era: '3.0' }),
      key(a, { flags: { pinRoot: false } }),
      key(a, { interactive: true }),
      key(base),
    ];
    expect(new Set([key(a), ...keys]).size).toBe(5);
    expect(key(a, { flags: { pinRoot: false, tailInsert: true } })).toBe(
      key(a, { flags: { tailInsert: true, pinRoot: false } }),
    );
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
