import { describe, expect, it } from 'vitest';
import { builtinScenarios } from '../../scenarios';
import type { Scenario } from '../../kernel';
import {
  currentSide,
  defaultSide,
  rightSide,
  sameSide,
  scenarioUnder,
  withFlag,
} from './rightSide';

const builtin = (id: string): Scenario => {
  const hit = builtinScenarios.find((b) => b.id === id);
  if (!hit) throw new Error(id);
  return hit.scenario;
};

describe('defaultSide', () => {
  it('puts 8.1 under 2.6.36 beside 2.6.34 (the first era where it holds)', () => {
    const sc = builtin('race-8.1');
    expect(defaultSide(sc, currentSide(sc, '2.6.34', {}))).toEqual({ era: '2.6.36', flags: {} });
  });
  it('takes a holds entry that differs only by flags (8.4: the file turns pinRoot off)', () => {
    const sc = builtin('race-8.4');
    expect(defaultSide(sc, currentSide(sc, '2.6.36', {}))).toEqual({ era: '2.6.36', flags: {} });
  });
  it('skips entries equal to the left pane', () => {
    const sc = builtin('tour-why-the-chain');
    expect(defaultSide(sc, currentSide(sc, '2.6.33', {})).era).toBe('2.6.34');
  });
  it('falls back to the other of 2.6.34 / 2.6.36', () => {
    const sc = builtin('fork-and-cow');
    expect(defaultSide(sc, currentSide(sc, '6.1', {})).era).toBe('2.6.34');
    expect(defaultSide(sc, currentSide(sc, '2.6.34', {})).era).toBe('2.6.36');
  });
});

describe('rightSide', () => {
  const sc = builtin('race-8.1');
  const left = currentSide(sc, '2.6.34', {});
  it('keeps a pick made for this scenario only', () => {
    const stored = { for: 'race-8.1', era: '3.8' as const, flags: {} };
    expect(rightSide('race-8.1', sc, left, stored).era).toBe('3.8');
    expect(rightSide('race-8.2', sc, left, stored).era).toBe('2.6.36');
  });
});

describe('flags', () => {
  it('compares resolved flags, not spellings', () => {
    expect(
      sameSide({ era: '2.6.36', flags: {} }, { era: '2.6.36', flags: { rootLock: true } }),
    ).toBe(true);
    expect(sameSide({ era: '2.6.36', flags: {} }, { era: '2.6.34', flags: {} })).toBe(false);
  });
  it('drops a flag equal to the preset', () => {
    const side = withFlag({ era: '2.6.36', flags: { pinRoot: false } }, 'pinRoot', true);
    expect(side.flags).toEqual({});
    expect(withFlag(side, 'pinRoot', false).flags).toEqual({ pinRoot: false });
  });
  it('replaces the file flags', () => {
    const sc = builtin('race-8.4');
    expect(scenarioUnder(sc, { era: '2.6.36', flags: {} }).flags).toBeUndefined();
    expect(scenarioUnder(sc, { era: '2.6.36', flags: { lockDance: true } }).flags).toEqual({
      lockDance: true,
    });
  });
});
