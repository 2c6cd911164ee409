import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../kernel/scenarioTypes';
import { builtinScenarios } from '../../scenarios';
import {
  blockSchedules,
  cancelledText,
  noViolationText,
  parallelOps,
  progressText,
  scheduleText,
  settingText,
} from './exploreText';

const get = (id: string): Scenario => builtinScenarios.find((b) => b.id === id)!.scenario;

describe('settingText', () => {
  it('names the era alone when no flag differs from its preset', () => {
    expect(settingText(get('race-8.1'), '2.6.36', {})).toBe('2.6.36');
  });
  it('names the file’s flags and the user’s overrides that differ from the era', () => {
    expect(settingText(get('race-8.2'), '2.6.34', {})).toBe(
      '2.6.34 with adjustLock conditional, lockDance on',
    );
    expect(settingText(get('race-8.1'), '2.6.36', { pinRoot: false })).toBe(
      '2.6.36 with pinRoot off',
    );
  });
  it('does not list an override equal to the era’s own value', () => {
    expect(settingText(get('race-8.1'), '2.6.36', { pinRoot: true })).toBe('2.6.36');
  });
});

describe('blockSchedules', () => {
  it('maps each block’s schedule to the op index of that parallel block', () => {
    const sc = get('race-8.1');
    expect(parallelOps(sc)).toEqual([5]);
    expect(blockSchedules(sc, { schedule: [0, 1], schedules: [[0, 1]] })).toEqual([
      { op: 5, schedule: [0, 1] },
    ]);
  });
  it('uses `schedule` when the result has no per-block list, and skips blocks never run', () => {
    const sc: Scenario = {
      ...get('race-8.1'),
      ops: [
        { op: 'spawn', pid: 'P' },
        { op: 'parallel', threads: [[], []] },
        { op: 'parallel', threads: [[], []] },
      ],
    };
    expect(parallelOps(sc)).toEqual([1, 2]);
    expect(blockSchedules(sc, { schedule: [1, 0], schedules: [] })).toEqual([
      { op: 1, schedule: [1, 0] },
    ]);
    expect(blockSchedules(sc, { schedule: [1], schedules: [[0, 1], [1]] })).toEqual([
      { op: 1, schedule: [0, 1] },
      { op: 2, schedule: [1] },
    ]);
    expect(blockSchedules(sc, { schedule: [0], schedules: [[0], []] })).toEqual([
      { op: 1, schedule: [0] },
    ]);
  });
});

describe('sentences', () => {
  it('says honestly how many states and interleavings had no violation', () => {
    expect(noViolationText({ explored: 1234, runs: 6, complete: true }, '2.6.36')).toBe(
      'No violation in 1,234 states (6 complete interleavings) under 2.6.36: every interleaving of the parallel blocks was tried.',
    );
    expect(noViolationText({ explored: 1, runs: 1, complete: true }, '6.1')).toMatch(
      /^No violation in 1 state \(1 complete interleaving\) under 6\.1:/,
    );
  });
  it('says a search that hit its limit was cut short', () => {
    expect(noViolationText({ explored: 200000, runs: 12, complete: false }, '3.8')).toMatch(
      /^No violation in 200,000 states \(12 complete interleavings\) under 3\.8, but the search was cut short/,
    );
  });
  it('formats cancel, progress and schedules', () => {
    expect(cancelledText(600)).toBe('Explore cancelled after 600 states.');
    expect(progressText({ explored: 2600, rate: 10378.6, elapsedMs: 250.6 })).toBe(
      '2,600 states · 10,379 states/s · 251 ms',
    );
    expect(scheduleText([0, 0, 1])).toBe('cpu0 cpu0 cpu1');
  });
});
