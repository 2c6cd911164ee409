import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createActor, SimulatedClock } from 'xstate';
import { clampCursor, PLAY_INTERVAL_MS, playbackMachine } from './playback';
import type { PlaybackEvent, PlaybackInput } from './playback';

function start(input: PlaybackInput) {
  const clock = new SimulatedClock();
  const actor = createActor(playbackMachine, { input, clock });
  actor.start();
  const cursor = () => actor.getSnapshot().context.cursor;
  const state = () => actor.getSnapshot().value;
  return { actor, clock, cursor, state };
}

describe('clampCursor', () => {
  it('keeps whole steps inside [0, total]', () => {
    expect(clampCursor(-3, 5)).toBe(0);
    expect(clampCursor(9, 5)).toBe(5);
    expect(clampCursor(2.7, 5)).toBe(2);
    expect(clampCursor(Number.NaN, 5)).toBe(0);
    expect(clampCursor(Number.POSITIVE_INFINITY, 5)).toBe(5);
  });
});

describe('playbackMachine', () => {
  it('starts idle at the given cursor, clamped', () => {
    expect(start({ total: 4, cursor: 2 }).cursor()).toBe(2);
    expect(start({ total: 4, cursor: 10 }).cursor()).toBe(4);
    const empty = start({});
    expect(empty.cursor()).toBe(0);
    expect(empty.actor.getSnapshot().context.total).toBe(0);
    expect(empty.state()).toBe('idle');
  });

  it('steps forward and back within the trace', () => {
    const { actor, cursor } = start({ total: 2 });
    actor.send({ type: 'BACK' });
    expect(cursor()).toBe(0);
    actor.send({ type: 'STEP' });
    actor.send({ type: 'STEP' });
    actor.send({ type: 'STEP' });
    expect(cursor()).toBe(2);
    actor.send({ type: 'BACK' });
    expect(cursor()).toBe(1);
  });

  it('tells the buttons what they can do', () => {
    const { actor } = start({ total: 1 });
    expect(actor.getSnapshot().can({ type: 'BACK' })).toBe(false);
    expect(actor.getSnapshot().can({ type: 'STEP' })).toBe(true);
    actor.send({ type: 'STEP' });
    expect(actor.getSnapshot().can({ type: 'STEP' })).toBe(false);
    expect(actor.getSnapshot().can({ type: 'BACK' })).toBe(true);
  });

  it('seeks to a clamped position', () => {
    const { actor, cursor } = start({ total: 10 });
    actor.send({ type: 'SEEK', to: 7 });
    expect(cursor()).toBe(7);
    actor.send({ type: 'SEEK', to: 99 });
    expect(cursor()).toBe(10);
    actor.send({ type: 'SEEK', to: -1 });
    expect(cursor()).toBe(0);
  });

  it('loads a new trace, keeping the cursor unless told otherwise', () => {
    const { actor, cursor } = start({ total: 10, cursor: 6 });
    actor.send({ type: 'LOAD', total: 8 });
    expect(cursor()).toBe(6);
    actor.send({ type: 'LOAD', total: 3 });
    expect(cursor()).toBe(3);
    actor.send({ type: 'LOAD', total: 12, cursor: 0 });
    expect(cursor()).toBe(0);
    expect(actor.getSnapshot().context.total).toBe(12);
  });

  it('plays one step per tick and stops at the end', () => {
    const { actor, clock, cursor, state } = start({ total: 3 });
    actor.send({ type: 'PLAY' });
    expect(state()).toBe('playing');
    clock.increment(PLAY_INTERVAL_MS - 1);
    expect(cursor()).toBe(0);
    clock.increment(1);
    expect(cursor()).toBe(1);
    clock.increment(PLAY_INTERVAL_MS);
    clock.increment(PLAY_INTERVAL_MS);
    expect(cursor()).toBe(3);
    expect(state()).toBe('idle');
    clock.increment(PLAY_INTERVAL_MS * 5);
    expect(cursor()).toBe(3);
  });

  it('pauses, and a manual step takes control back', () => {
    const { actor, clock, cursor, state } = start({ total: 10 });
    actor.send({ type: 'PLAY' });
    // SimulatedClock schedules the next tick from the time after an increment: one tick each.
    clock.increment(PLAY_INTERVAL_MS);
    clock.increment(PLAY_INTERVAL_MS);
    actor.send({ type: 'PAUSE' });
    clock.increment(PLAY_INTERVAL_MS * 3);
    expect(cursor()).toBe(2);
    actor.send({ type: 'TOGGLE' });
    expect(state()).toBe('playing');
    actor.send({ type: 'STEP' });
    expect(state()).toBe('idle');
    expect(cursor()).toBe(3);
  });

  it('keeps playing through a seek, and a load stops it', () => {
    const { actor, clock, cursor, state } = start({ total: 10 });
    actor.send({ type: 'PLAY' });
    actor.send({ type: 'SEEK', to: 5 });
    clock.increment(PLAY_INTERVAL_MS);
    expect(cursor()).toBe(6);
    actor.send({ type: 'LOAD', total: 20 });
    expect(state()).toBe('idle');
  });

  it('rewinds when asked to play at the end', () => {
    const { actor, clock, cursor } = start({ total: 2, cursor: 2 });
    actor.send({ type: 'PLAY' });
    expect(cursor()).toBe(0);
    clock.increment(PLAY_INTERVAL_MS);
    expect(cursor()).toBe(1);
  });

  it('does not play an empty trace', () => {
    const { actor, state } = start({ total: 0 });
    actor.send({ type: 'PLAY' });
    expect(state()).toBe('idle');
  });

  it('never leaves [0, total] whatever the events', () => {
    const event: fc.Arbitrary<PlaybackEvent> = fc.oneof(
      fc.constant({ type: 'STEP' as const }),
      fc.constant({ type: 'BACK' as const }),
      fc.constant({ type: 'PLAY' as const }),
      fc.constant({ type: 'PAUSE' as const }),
      fc.integer({ min: -5, max: 50 }).map((to) => ({ type: 'SEEK' as const, to })),
      fc.integer({ min: 0, max: 30 }).map((total) => ({ type: 'LOAD' as const, total })),
      fc
        .constantFrom(
          ...(['START', 'END', 'NEXT_OP', 'PREV_OP', 'NEXT_VIOLATION', 'PREV_VIOLATION'] as const),
          ...(['SCRUB_START', 'SCRUB_END', 'TOGGLE'] as const),
        )
        .map((type) => ({ type })),
      fc.integer({ min: -2, max: 2 }).map((by) => ({ type: 'SPEED' as const, by })),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 30 }),
        fc.array(fc.tuple(event, fc.integer({ min: 0, max: 3 * PLAY_INTERVAL_MS }))),
        (total, events) => {
          const { actor, clock } = start({
            total,
            marks: { ops: [1, 5], violations: [3], locks: [] },
          });
          for (const [e, wait] of events) {
            actor.send(e);
            clock.increment(wait);
            const { cursor, total: t } = actor.getSnapshot().context;
            if (cursor < 0 || cursor > t || !Number.isInteger(cursor)) return false;
          }
          return true;
        },
      ),
    );
  });

  it('jumps to the next and previous operation, violation and lock', () => {
    const marks = { ops: [1, 5, 9], violations: [7], locks: [2, 6] };
    const { actor, cursor } = start({ total: 12, marks });
    const can = (type: PlaybackEvent['type']) => actor.getSnapshot().can({ type } as PlaybackEvent);
    expect(can('PREV_OP')).toBe(false);
    actor.send({ type: 'NEXT_OP' });
    expect(cursor()).toBe(1);
    actor.send({ type: 'NEXT_OP' });
    expect(cursor()).toBe(5);
    actor.send({ type: 'NEXT_VIOLATION' });
    expect(cursor()).toBe(7);
    expect(can('NEXT_VIOLATION')).toBe(false);
    actor.send({ type: 'NEXT_VIOLATION' });
    expect(cursor()).toBe(7);
    actor.send({ type: 'PREV_LOCK' });
    expect(cursor()).toBe(6);
    actor.send({ type: 'PREV_OP' });
    expect(cursor()).toBe(5);
    actor.send({ type: 'END' });
    expect(cursor()).toBe(12);
    expect(can('END')).toBe(false);
    expect(can('NEXT_OP')).toBe(false);
    actor.send({ type: 'PREV_VIOLATION' });
    expect(cursor()).toBe(7);
    actor.send({ type: 'START' });
    expect(cursor()).toBe(0);
    expect(can('START')).toBe(false);
  });

  it('takes new marks with a new trace, and can open it at its end', () => {
    const { actor, cursor } = start({ total: 5, marks: { ops: [1], violations: [4], locks: [] } });
    actor.send({
      type: 'LOAD',
      total: 9,
      cursor: 'end',
      marks: { ops: [2], violations: [], locks: [] },
    });
    expect(cursor()).toBe(9);
    expect(actor.getSnapshot().can({ type: 'PREV_VIOLATION' })).toBe(false);
    actor.send({ type: 'PREV_OP' });
    expect(cursor()).toBe(2);
  });

  it('plays faster or slower, restarting the timer at the new rate', () => {
    const { actor, clock, cursor } = start({ total: 100 });
    expect(actor.getSnapshot().context.speed).toBe(1);
    expect(actor.getSnapshot().can({ type: 'SPEED', by: 1 })).toBe(true);
    actor.send({ type: 'PLAY' });
    actor.send({ type: 'SPEED', by: 1 });
    expect(actor.getSnapshot().context.speed).toBe(2);
    clock.increment(PLAY_INTERVAL_MS / 2);
    expect(cursor()).toBe(1);
    actor.send({ type: 'SPEED', to: 8 });
    clock.increment(PLAY_INTERVAL_MS / 8);
    expect(cursor()).toBe(2);
    expect(actor.getSnapshot().can({ type: 'SPEED', by: 1 })).toBe(false);
    actor.send({ type: 'SPEED', to: 0.3 });
    expect(actor.getSnapshot().context.speed).toBe(0.25);
    expect(actor.getSnapshot().can({ type: 'SPEED', by: -1 })).toBe(false);
  });

  it('pauses while scrubbing and resumes only if it was playing', () => {
    const { actor, clock, cursor, state } = start({ total: 50 });
    actor.send({ type: 'PLAY' });
    actor.send({ type: 'SCRUB_START' });
    expect(state()).toBe('scrubbing');
    actor.send({ type: 'SEEK', to: 20 });
    actor.send({ type: 'STEP' });
    clock.increment(PLAY_INTERVAL_MS * 4);
    expect(cursor()).toBe(20);
    actor.send({ type: 'SCRUB_END' });
    expect(state()).toBe('playing');
    clock.increment(PLAY_INTERVAL_MS);
    expect(cursor()).toBe(21);
    actor.send({ type: 'PAUSE' });
    actor.send({ type: 'SCRUB_START' });
    actor.send({ type: 'SEEK', to: 3 });
    actor.send({ type: 'SCRUB_END' });
    expect(state()).toBe('idle');
    expect(cursor()).toBe(3);
  });
});
