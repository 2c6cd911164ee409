import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinScenarios } from '../scenarios';
import {
  errorMessage,
  isPlainObject,
  jsonSizeWithin,
  parseInbound,
  resizeMessage,
  stateMessage,
} from './messages';

const scenario = builtinScenarios[0]!.scenario;

describe('parseInbound', () => {
  it('reads the four messages of Contract 4', () => {
    expect(parseInbound({ type: 'anon-vma-forest:goto', step: 3 })).toEqual({
      type: 'goto',
      step: 3,
    });
    expect(parseInbound({ type: 'anon-vma-forest:play' })).toEqual({ type: 'play' });
    expect(parseInbound({ type: 'anon-vma-forest:pause' })).toEqual({ type: 'pause' });
    expect(parseInbound({ type: 'anon-vma-forest:load', scenario })).toEqual({
      type: 'load',
      scenario,
    });
    expect(
      parseInbound({ type: 'anon-vma-forest:load', scenario: JSON.stringify(scenario) }),
    ).toEqual({
      type: 'load',
      scenario,
    });
  });

  it('ignores anything else', () => {
    for (const data of [
      null,
      'anon-vma-forest:play',
      ['anon-vma-forest:play'],
      { type: 'other:play' },
      { type: 'anon-vma-forest:state', step: 1 },
      { type: 'anon-vma-forest:goto', step: -1 },
      { type: 'anon-vma-forest:goto', step: 1.5 },
      { type: 'anon-vma-forest:goto', step: '3' },
      { type: 'anon-vma-forest:goto', step: 3, html: '<img src=x onerror=alert(1)>' },
      { type: 'anon-vma-forest:play', extra: true },
      new Date(),
      new Map([['type', 'anon-vma-forest:play']]),
    ]) {
      expect(parseInbound(data)).toBeNull();
    }
  });

  it('answers a bad load with a message naming the problem', () => {
    const bad = parseInbound({
      type: 'anon-vma-forest:load',
      scenario: { ...scenario, ops: [{ op: 'fly' }] },
    });
    expect(bad).toMatchObject({
      type: 'invalid-load',
      message: expect.stringMatching(/^load rejected: .*unknown op/),
    });
    expect(parseInbound({ type: 'anon-vma-forest:load', scenario: [1] })).toMatchObject({
      type: 'invalid-load',
    });
    expect(parseInbound({ type: 'anon-vma-forest:load' })).toMatchObject({ type: 'invalid-load' });
  });

  it('rejects payloads over 2 MB before validating them', () => {
    const huge = { ...scenario, description: 'x'.repeat(2_100_000) };
    expect(parseInbound({ type: 'anon-vma-forest:load', scenario: huge })).toMatchObject({
      type: 'invalid-load',
      message: expect.stringMatching(/larger than 2 MB/),
    });
    expect(
      parseInbound({ type: 'anon-vma-forest:load', scenario: 'x'.repeat(2_100_000) }),
    ).toMatchObject({
      message: expect.stringMatching(/larger than 2 MB/),
    });
  });

  it('rejects cycles and non-JSON values inside a load', () => {
    const cyclic: Record<string, unknown> = { ...scenario };
    cyclic.self = cyclic;
    expect(parseInbound({ type: 'anon-vma-forest:load', scenario: cyclic })).toMatchObject({
      message: expect.stringMatching(/refers to itself/),
    });
    expect(jsonSizeWithin({ a: new Date() }, 100)).toMatchObject({ ok: false });
    expect(jsonSizeWithin({ a: NaN }, 100)).toMatchObject({ ok: false });
    expect(jsonSizeWithin({ a: [1, 'x', null, { b: true }] }, 100)).toEqual({ ok: true });
  });

  it('never throws on arbitrary values', () => {
    fc.assert(
      fc.property(
        fc.anything({
          withDate: true,
          withMap: true,
          withSet: true,
          withTypedArray: true,
          withNullPrototype: true,
        }),
        (v) => {
          parseInbound(v);
          parseInbound({ type: 'anon-vma-forest:load', scenario: v });
          parseInbound({ type: 'anon-vma-forest:goto', step: v });
        },
      ),
      { numRuns: 2000 },
    );
  }, 120_000);
});

describe('outbound messages', () => {
  it('have the Contract 4 shapes', () => {
    expect(stateMessage({ step: 1, steps: 9, playing: false, era: '6.1', violations: 0 })).toEqual({
      type: 'anon-vma-forest:state',
      step: 1,
      steps: 9,
      playing: false,
      era: '6.1',
      violations: 0,
    });
    expect(resizeMessage(10.2)).toEqual({ type: 'anon-vma-forest:resize', height: 11 });
    expect(errorMessage('x')).toEqual({ type: 'anon-vma-forest:error', message: 'x' });
    expect(isPlainObject(Object.create(null))).toBe(true);
  });
});
