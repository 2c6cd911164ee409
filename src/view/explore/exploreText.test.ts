import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../kernel/scenarioTypes';
import { builtinScenarios } from '../../scenarios';
import {
  blockSchedules,
  foundText,
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
  const limits = { maxStates: 200000, maxSeconds: 60 };
  const r = { reduction: 'dpor' as const, ms: 412, stoppedBy: null };
  it('says honestly how many states and classes of interleavings had no violation', () => {
    expect(
      noViolationText({ ...r, explored: 1234, runs: 6, complete: true }, '2.6.36', limits),
    ).toBe(
      'No violation in 1,234 states (6 classes of interleavings, 0.41 s) under 2.6.36: every interleaving of the parallel blocks was covered, one per class of orders of independent steps.',
    );
    expect(
      noViolationText(
        { ...r, reduction: 'none', explored: 1, runs: 1, complete: true },
        '6.1',
        limits,
      ),
    ).toMatch(
      /^No violation in 1 state \(1 complete interleaving, 0\.41 s\) under 6\.1: every interleaving of the parallel blocks was covered\.$/,
    );
  });
  it('says a search that hit a limit was cut short, and which limit', () => {
    const cut = { ...r, explored: 200000, runs: 12, complete: false };
    expect(noViolationText({ ...cut, stoppedBy: 'max-states' }, '3.8', limits)).toMatch(
      /^No violation in the first 200,000 states \(12 classes of interleavings, 0\.41 s\) under 3\.8, but the search stopped at its limit of 200,000 states:/,
    );
    expect(noViolationText({ ...cut, ms: 60000, stoppedBy: 'max-seconds' }, '3.8', limits)).toMatch(
      /stopped at its time limit of 60 s: interleavings past it were not tried\.$/,
    );
  });
  it('says whether a counterexample is a shortest one', () => {
    const found = { ...r, explored: 90, runs: 3 };
    expect(foundText({ ...found, shortest: true }, limits)).toMatch(
      /the shortest interleaving that breaks:$/,
    );
    expect(foundText({ ...found, shortest: false, stoppedBy: 'max-seconds' }, limits)).toMatch(
      /a shorter one may exist: the search for one stopped at its time limit of 60 s/,
    );
  });
  it('formats cancel, progress and schedules', () => {
    expect(cancelledText(600)).toBe('Explore cancelled after 600 states.');
    const p = { explored: 2600, runs: 34, rate: 10378.6, elapsedMs: 250.6, found: false };
    expect(progressText(p)).toBe('2,600 states · 34 interleavings · 10,379 states/s · 0.25 s');
    expect(progressText({ ...p, found: true })).toMatch(
      /violation found: looking for a shorter schedule$/,
    );
    expect(scheduleText([0, 0, 1])).toBe('cpu0 cpu0 cpu1');
  });
});
