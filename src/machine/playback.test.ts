import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createActor, SimulatedClock } from 'xstate';
import {
  clampCursor,
  LOOP_PAUSE_MS,
  PLAY_INTERVAL_MS,
  playbackMachine,
  rangeBounds,
} from './playback';
import type { CursorPlace, PlaybackEvent, PlaybackRange, PlaybackTrace } from './playback';

interface Marks {
  ops?: number[];
  violations?: number[];
  locks?: number[];
}

/** A trace of `total` steps whose marks are `marks` (an op mark is its op's first step). */
function fakeTrace(total: number, marks: Marks = {}): PlaybackTrace {
  const locks = new Set(marks.locks ?? []);
  return {
    steps: Array.from({ length: total }, (_, i) =>
      locks.has(i + 1) ? { lock: { kind: 'acquire', owner: `av${i}` } } : {},
    ),
    opStarts: (marks.ops ?? []).map((m) => m - 1),
    violations: (marks.violations ?? []).map((step) => ({ step })),
  };
}

function start(o: { total?: number; cursor?: CursorPlace; marks?: Marks; range?: PlaybackRange }) {
  const clock = new SimulatedClock();
  const input = {
    trace: fakeTrace(o.total ?? 0, o.marks),
    ...(o.cursor === undefined ? {} : { cursor: o.cursor }),
    ...(o.range ? { range: o.range } : {}),
  };
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
  it('derives its total and marks from the trace it holds', () => {
    const { actor } = start({ total: 6, marks: { ops: [1, 4], violations: [5], locks: [2] } });
    const c = actor.getSnapshot().context;
    expect(c.total).toBe(6);
    expect(c.marks).toEqual({ ops: [1, 4], violations: [5], locks: [2], stops: [] });
    actor.send({ type: 'LOAD', trace: null });
    expect(actor.getSnapshot().context).toMatchObject({ trace: null, total: 0, cursor: 0 });
    expect(actor.getSnapshot().can({ type: 'PLAY' })).toBe(true);
  });

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
    actor.send({ type: 'LOAD', trace: fakeTrace(8) });
    expect(cursor()).toBe(6);
    actor.send({ type: 'LOAD', trace: fakeTrace(3) });
    expect(cursor()).toBe(3);
    actor.send({ type: 'LOAD', trace: fakeTrace(12), cursor: 0 });
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
    actor.send({ type: 'LOAD', trace: fakeTrace(20) });
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
      fc
        .integer({ min: 0, max: 30 })
        .map((total) => ({ type: 'LOAD' as const, trace: fakeTrace(total) })),
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
            marks: { ops: [1, 5].filter((m) => m <= total), violations: [3] },
          });
          for (const [e, wait] of events) {
            actor.send(e);
            clock.increment(wait);
            const { cursor, total: t, trace } = actor.getSnapshot().context;
            if (cursor < 0 || cursor > t || !Number.isInteger(cursor)) return false;
            if (t !== (trace?.steps.length ?? 0)) return false;
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
    const { actor, cursor } = start({ total: 5, marks: { ops: [1], violations: [4] } });
    actor.send({ type: 'LOAD', trace: fakeTrace(9, { ops: [2] }), cursor: 'end' });
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

  it('keeps an embed range: cursor, jumps and play stay within start..end', () => {
    const { actor, clock, cursor, state } = start({
      total: 20,
      cursor: 2,
      marks: { ops: [1, 6, 15] },
      range: { start: 5, end: 10 },
    });
    expect(cursor()).toBe(5);
    actor.send({ type: 'SEEK', to: 18 });
    expect(cursor()).toBe(10);
    expect(actor.getSnapshot().can({ type: 'NEXT_OP' })).toBe(false);
    actor.send({ type: 'PREV_OP' });
    expect(cursor()).toBe(6);
    actor.send({ type: 'START' });
    expect(cursor()).toBe(5);
    actor.send({ type: 'END' });
    expect(cursor()).toBe(10);
    actor.send({ type: 'PLAY' });
    expect(cursor()).toBe(5);
    clock.increment(PLAY_INTERVAL_MS);
    expect(cursor()).toBe(6);
    for (let i = 0; i < 4; i++) clock.increment(PLAY_INTERVAL_MS);
    expect(cursor()).toBe(10);
    expect(state()).toBe('idle');
    // a shorter trace cuts the range
    actor.send({ type: 'LOAD', trace: fakeTrace(7), cursor: 'end' });
    expect(actor.getSnapshot().context).toMatchObject({ lo: 5, hi: 7, cursor: 7 });
    expect(rangeBounds({ start: 40 }, 30)).toEqual({ lo: 30, hi: 30 });
  });

  it('loops an embed range: a pause on the last step, then again from the start', () => {
    const { actor, clock, cursor, state } = start({
      total: 20,
      range: { start: 2, end: 4, loop: true },
    });
    actor.send({ type: 'PLAY' });
    clock.increment(PLAY_INTERVAL_MS);
    clock.increment(PLAY_INTERVAL_MS);
    expect(cursor()).toBe(4);
    expect(state()).toBe('looping');
    clock.increment(LOOP_PAUSE_MS - 1);
    expect(cursor()).toBe(4);
    clock.increment(1);
    expect(cursor()).toBe(2);
    expect(state()).toBe('playing');
    clock.increment(PLAY_INTERVAL_MS);
    clock.increment(PLAY_INTERVAL_MS);
    expect(state()).toBe('looping');
    actor.send({ type: 'PAUSE' });
    clock.increment(LOOP_PAUSE_MS * 2);
    expect(state()).toBe('idle');
    expect(cursor()).toBe(4);
  });

  it('walks the lecture stops of the captions it was loaded with', () => {
    const { actor, cursor } = start({ total: 10 });
    expect(actor.getSnapshot().can({ type: 'NEXT_STOP' })).toBe(false);
    const trace = { ...fakeTrace(10), opStarts: [0, 3, 6] };
    const narration = [
      { op: 1, text: 'b' },
      { op: 2, text: 'c' },
    ];
    actor.send({ type: 'LOAD', trace, narration });
    actor.send({ type: 'NEXT_STOP' });
    expect(cursor()).toBe(6);
    actor.send({ type: 'NEXT_STOP' });
    expect(cursor()).toBe(10);
    expect(actor.getSnapshot().can({ type: 'NEXT_STOP' })).toBe(false);
    actor.send({ type: 'PREV_STOP' });
    expect(cursor()).toBe(6);
  });
});
