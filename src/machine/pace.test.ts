import { describe, expect, it } from 'vitest';
import { createActor, SimulatedClock } from 'xstate';
import {
  DWELL_MS,
  landingsOf,
  LOCK_MS,
  nextLanding,
  PASS_MS,
  prevLanding,
  readingMs,
  STOP_MAX_MS,
  STOP_MIN_MS,
  tickMs,
} from './pace';
import { PLAY_INTERVAL_MS, playbackMachine } from './playback';
import type { CursorPlace, PlaybackTrace } from './playback';

describe('landings', () => {
  it('are the changes, the caption stops and the violations, or null when unknown', () => {
    expect(
      landingsOf({ changes: [2, 5], lockOnly: [] }, { stops: [5, 7], violations: [3] }),
    ).toEqual([2, 3, 5, 7]);
    expect(landingsOf(null, { stops: [1], violations: [] })).toBeNull();
  });

  it('→ goes to the next landing, and to the end past the last', () => {
    const l = [2, 5, 6];
    expect(nextLanding(l, 0, 9)).toBe(2);
    expect(nextLanding(l, 2, 9)).toBe(5);
    expect(nextLanding(l, 3, 9)).toBe(5);
    expect(nextLanding(l, 6, 9)).toBe(9);
    expect(nextLanding(l, 9, 9)).toBe(9);
    expect(nextLanding(l, 2, 4)).toBe(4);
    expect(nextLanding(null, 3, 9)).toBe(4);
  });

  it('← goes to the first step of the drawing before the one shown', () => {
    const l = [2, 5, 6];
    expect(prevLanding(l, 6, 0)).toBe(5);
    // at 4 the drawing of step 2 shows (2..4 draw alike): back to the one before it, step 0's
    expect(prevLanding(l, 4, 0)).toBe(0);
    expect(prevLanding(l, 5, 0)).toBe(2);
    expect(prevLanding(l, 9, 0)).toBe(5);
    expect(prevLanding(l, 5, 3)).toBe(3);
    expect(prevLanding(l, 0, 0)).toBe(0);
    expect(prevLanding(null, 4, 0)).toBe(3);
  });
});

describe('pace', () => {
  const base = { landings: [2, 4, 6], lockOnly: [6], dwells: { 4: 3000 }, micro: false, speed: 1 };
  const at = (cursor: number, o: Partial<typeof base> = {}) =>
    tickMs({ ...base, ...o, cursor, interval: PLAY_INTERVAL_MS });
  it('dwells on a change, passes a step that changes nothing, pauses at a caption', () => {
    expect(at(2)).toBe(DWELL_MS);
    expect(at(3)).toBe(PASS_MS);
    expect(at(4)).toBe(3000);
    expect(at(2, { speed: 2 })).toBe(DWELL_MS / 2);
    // only a lock changed hands: shorter than a change of the forest, longer than no change
    expect(at(6)).toBe(LOCK_MS);
    expect(LOCK_MS).toBeLessThan(DWELL_MS);
    expect(LOCK_MS).toBeGreaterThan(PASS_MS);
    expect(PASS_MS).toBeLessThan(DWELL_MS / 4);
  });
  it('gives every step the base interval with micro on, or when changes are unknown', () => {
    expect(at(3, { micro: true })).toBe(PLAY_INTERVAL_MS);
    expect(at(4, { micro: true })).toBe(PLAY_INTERVAL_MS);
    expect(at(3, { landings: null as never })).toBe(PLAY_INTERVAL_MS);
  });
  it('reads a caption for a time that grows with its words, within bounds', () => {
    expect(readingMs('short')).toBe(STOP_MIN_MS);
    expect(readingMs('word '.repeat(30))).toBeGreaterThan(readingMs('word '.repeat(15)));
    expect(readingMs('word '.repeat(300))).toBe(STOP_MAX_MS);
  });
});

/** 10 steps, two ops (steps 1–4, 5–10) with a caption on op 0 (stop at 4). */
const trace: PlaybackTrace = {
  steps: Array.from({ length: 10 }, () => ({})),
  opStarts: [0, 4],
  violations: [{ step: 9 }],
};
const narration = [{ op: 0, text: 'the first op' }];

function start(o: { changes?: number[] | null; micro?: boolean; cursor?: CursorPlace } = {}) {
  const changes = o.changes === undefined ? [2, 6] : o.changes;
  const clock = new SimulatedClock();
  const actor = createActor(playbackMachine, {
    input: {
      trace,
      narration,
      changes: changes && { changes, lockOnly: [] },
      ...(o.micro !== undefined ? { micro: o.micro } : {}),
      ...(o.cursor !== undefined ? { cursor: o.cursor } : {}),
    },
    clock,
  });
  actor.start();
  return { actor, clock, cursor: () => actor.getSnapshot().context.cursor };
}

describe('the playback machine, stepping by what changed', () => {
  it('→ lands on changes, caption stops and violations; ← walks them back', () => {
    const { actor, cursor } = start();
    const seen: number[] = [];
    for (let i = 0; i < 6; i++) {
      actor.send({ type: 'STEP' });
      seen.push(cursor());
    }
    expect(seen).toEqual([2, 4, 6, 9, 10, 10]);
    const back: number[] = [];
    for (let i = 0; i < 5; i++) {
      actor.send({ type: 'BACK' });
      back.push(cursor());
    }
    // 10 draws what 9 drew (nothing changes after 9): back to the drawing before, 6's
    expect(back).toEqual([6, 4, 2, 0, 0]);
  });

  it('reaches every micro-step one by one (STEP_ONE / BACK_ONE, or micro on)', () => {
    const { actor, cursor } = start();
    actor.send({ type: 'STEP_ONE' });
    expect(cursor()).toBe(1);
    actor.send({ type: 'STEP_ONE' });
    actor.send({ type: 'STEP_ONE' });
    expect(cursor()).toBe(3);
    actor.send({ type: 'BACK_ONE' });
    expect(cursor()).toBe(2);
    actor.send({ type: 'MICRO', on: true });
    actor.send({ type: 'STEP' });
    expect(cursor()).toBe(3);
    actor.send({ type: 'BACK' });
    expect(cursor()).toBe(2);
    actor.send({ type: 'MICRO', on: false });
    actor.send({ type: 'STEP' });
    expect(cursor()).toBe(4);
  });

  it('steps every micro-step when the changes are not known', () => {
    const { actor, cursor } = start({ changes: null });
    actor.send({ type: 'STEP' });
    expect(cursor()).toBe(1);
  });

  it('plays every step, passing quickly over those that change nothing and pausing at a caption', () => {
    const { actor, clock, cursor } = start();
    actor.send({ type: 'PLAY' });
    // 0 and 1 change nothing: passed quickly
    clock.increment(PASS_MS);
    expect(cursor()).toBe(1);
    clock.increment(PASS_MS);
    expect(cursor()).toBe(2);
    // 2 changes the drawing: it stays a dwell
    clock.increment(DWELL_MS - 1);
    expect(cursor()).toBe(2);
    clock.increment(1);
    expect(cursor()).toBe(3);
    clock.increment(PASS_MS);
    expect(cursor()).toBe(4);
    // 4 is the caption stop: a reading pause
    clock.increment(STOP_MIN_MS - 1);
    expect(cursor()).toBe(4);
    clock.increment(1);
    expect(cursor()).toBe(5);
  });

  it('plays every micro-step alike with micro on', () => {
    const { actor, clock, cursor } = start({ micro: true });
    actor.send({ type: 'PLAY' });
    for (let i = 0; i < 5; i++) clock.increment(PLAY_INTERVAL_MS);
    expect(cursor()).toBe(5);
  });

  it('opens at the first caption stop when asked (the home page)', () => {
    expect(start({ cursor: 'first-stop' }).cursor()).toBe(4);
    const none = createActor(playbackMachine, { input: { trace, cursor: 'first-stop' } });
    none.start();
    expect(none.getSnapshot().context.cursor).toBe(0);
  });
});
