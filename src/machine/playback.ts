// The playback machine: a cursor over a precomputed trace (STYLE.md 2, 4). The machine holds the
// trace it plays, and derives from it the total and the marks the jumps go to, so a cursor can
// never point past its own trace. `cursor` counts micro-steps taken, from 0 (the initial state) to
// `total`; an embed's playable range (`start`..`end`, with `loop`) narrows that to lo..hi.
// STEP / BACK go from one change in the drawing to the next (pace.ts; STEP_ONE / BACK_ONE and
// `micro` take single micro-steps), and play paces itself by what each step changed.
// Moving back only moves the cursor; the trace itself is never undone. Guards and actions are
// one-liners over the pure helpers in marks.ts; the play timer and the loop's pause are `after`
// delays.
import { assertEvent, assign, setup } from 'xstate';
import type { Narration } from '../kernel/scenarioTypes';
import { DEFAULT_SPEED, nextMark, prevMark, shiftSpeed, snapSpeed, traceMarks } from './marks';
import type { MarkSource, PlaybackMarks } from './marks';
import { landingsOf, nextLanding, prevLanding, stopDwells, tickMs } from './pace';
import type { TraceChanges } from './pace';

/** What the machine needs of a trace (a kernel replay is one). */
export type PlaybackTrace = MarkSource;

/** An embed's playable range, as its link asks for it (steps; cut to each trace). */
export interface PlaybackRange {
  start?: number;
  end?: number;
  /** at `end`, pause, then play again from `start` */
  loop?: boolean;
}

/**
 * Where a LOAD puts the cursor: the range's start or end, where it was, a step, or the first
 * caption stop (the range's start when there is none): where a tour opened with no link shows
 * a drawing and its caption at once.
 */
export type CursorPlace = 'start' | 'end' | 'keep' | 'first-stop' | number;

export interface PlaybackContext<T extends PlaybackTrace = PlaybackTrace> {
  /** the trace played; null when the scenario did not replay (nothing to play) */
  trace: T | null;
  cursor: number;
  /** steps in the trace (derived at LOAD) */
  total: number;
  /** where the jump events go (derived at LOAD) */
  marks: PlaybackMarks;
  /**
   * where STEP / BACK land unless `micro`: the cursors where the drawing changes, the caption
   * stops and the violations (derived at LOAD from the changes it brings); null: every step
   */
  landings: readonly number[] | null;
  /** the landings where only a lock changed hands (play passes them sooner) */
  lockOnly: readonly number[];
  /** how long play pauses on each caption stop at 1× (cursor → ms; derived at LOAD) */
  dwells: Record<number, number>;
  /** STEP / BACK move one micro-step, and play gives every step the same time */
  micro: boolean;
  /** the cursor stays within lo..hi: the whole trace, or an embed's range cut to it */
  lo: number;
  hi: number;
  range: PlaybackRange;
  /** multiple of the base rate (one step per PLAY_INTERVAL_MS); one of SPEEDS */
  speed: number;
  /** scrubbing: whether to play again when the pointer is released */
  resume: boolean;
}

/** Which marker list a jump uses. */
export type MarkKind = keyof PlaybackMarks;

export type PlaybackEvent<T extends PlaybackTrace = PlaybackTrace> =
  /** to where the drawing changes next (one micro-step with `micro` on) */
  | { type: 'STEP' }
  /** to the first step of the drawing before the one shown (one micro-step with `micro` on) */
  | { type: 'BACK' }
  /** exactly one micro-step, whatever it changes */
  | { type: 'STEP_ONE' }
  | { type: 'BACK_ONE' }
  /** step and play by every micro-step (true) or by what changes in the drawing (false) */
  | { type: 'MICRO'; on: boolean }
  | { type: 'SEEK'; to: number }
  /**
   * A new trace (null: nothing replays), with the captions that fit it (the lecture's stops).
   * `cursor` defaults to `keep`; wherever it lands it is brought inside the new trace. `changes`:
   * the cursors where the trace's drawing changes (session/drawnChanges.ts); absent or null, every
   * step counts as one.
   */
  | {
      type: 'LOAD';
      trace: T | null;
      cursor?: CursorPlace;
      narration?: readonly Narration[];
      changes?: TraceChanges | null;
    }
  | { type: 'PLAY' }
  | { type: 'PAUSE' }
  | { type: 'TOGGLE' }
  /** `to`: a speed (snapped to SPEEDS); `by`: notches up (+) or down (-) */
  | { type: 'SPEED'; to?: number; by?: number }
  | { type: 'START' }
  | { type: 'END' }
  | { type: 'NEXT_OP' }
  | { type: 'PREV_OP' }
  | { type: 'NEXT_VIOLATION' }
  | { type: 'PREV_VIOLATION' }
  | { type: 'NEXT_LOCK' }
  | { type: 'PREV_LOCK' }
  /** lecture mode: the next / previous caption */
  | { type: 'NEXT_STOP' }
  | { type: 'PREV_STOP' }
  /** The pointer went down on the timeline: pause until SCRUB_END, SEEK meanwhile. */
  | { type: 'SCRUB_START' }
  | { type: 'SCRUB_END' };

/** The events a person (a button, a key, a host page) sends: all but LOAD, for any trace. */
export type PlaybackCommand = Exclude<PlaybackEvent, { type: 'LOAD' }>;

export interface PlaybackInput<T extends PlaybackTrace = PlaybackTrace> {
  trace?: T | null;
  cursor?: CursorPlace;
  narration?: readonly Narration[];
  changes?: TraceChanges | null;
  micro?: boolean;
  speed?: number;
  range?: PlaybackRange;
}

/** Milliseconds between two steps while playing at 1× with `micro` on (pace.ts paces the rest). */
export const PLAY_INTERVAL_MS = 600;
/** An embed's loop pauses this long at the end of its range, so the last step is seen. */
export const LOOP_PAUSE_MS = 1200;

/** A whole number of steps within [lo, hi]; anything else (NaN, fractions) is brought inside. */
export function clampCursor(to: number, hi: number, lo = 0): number {
  if (!Number.isFinite(to)) return to > 0 ? hi : lo;
  return Math.min(Math.max(Math.trunc(to), lo), hi);
}

/** The playable steps of a trace of `total` steps under `range`. */
export function rangeBounds(range: PlaybackRange, total: number): { lo: number; hi: number } {
  const hi = clampCursor(range.end ?? total, total);
  return { lo: clampCursor(range.start ?? 0, hi), hi };
}

/** The speed a SPEED event asks for. */
export function requestedSpeed(speed: number, e: { to?: number; by?: number }): number {
  return e.to !== undefined ? snapSpeed(e.to) : shiftSpeed(speed, e.by ?? 0);
}

/** The context fields that follow from a trace: total, marks, the range's bounds, the cursor. */
function loaded<T extends PlaybackTrace>(
  trace: T | null,
  range: PlaybackRange,
  place: CursorPlace,
  current: number,
  narration: readonly Narration[] | undefined,
  changes: TraceChanges | null | undefined,
) {
  const total = trace?.steps.length ?? 0;
  const { lo, hi } = rangeBounds(range, total);
  const marks = traceMarks(trace ?? { steps: [], opStarts: [], violations: [] }, narration);
  const to = placeOf(place, { lo, hi, current, stops: marks.stops });
  const landings = landingsOf(changes, marks);
  const lockOnly = changes?.lockOnly ?? [];
  const dwells = stopDwells(marks.stops, narration, trace?.opStarts ?? []);
  return {
    trace,
    total,
    marks,
    landings,
    lockOnly,
    dwells,
    lo,
    hi,
    cursor: clampCursor(to, hi, lo),
  };
}

/** The step a CursorPlace names, before it is brought inside lo..hi. */
function placeOf(
  place: CursorPlace,
  at: { lo: number; hi: number; current: number; stops: readonly number[] },
): number {
  switch (place) {
    case 'start':
      return at.lo;
    case 'end':
      return at.hi;
    case 'keep':
      return at.current;
    case 'first-stop':
      return at.stops.find((s) => s >= at.lo && s <= at.hi) ?? at.lo;
    default:
      return place;
  }
}

type JumpParams = { dir: 'next' | 'prev'; kind: MarkKind };

const jump = (dir: 'next' | 'prev', kind: MarkKind) => ({
  guard: { type: 'hasMark', params: { dir, kind } } as const,
  actions: { type: 'toMark', params: { dir, kind } } as const,
});

/** The playback machine for traces of type T (the page's: kernel replays). */
export function createPlaybackMachine<T extends PlaybackTrace>() {
  type Ctx = PlaybackContext<T>;
  /** The mark a jump goes to; marks outside the playable range count as none. */
  const markFrom = (c: Ctx, p: JumpParams): number | null => {
    const m = (p.dir === 'next' ? nextMark : prevMark)(c.marks[p.kind], c.cursor);
    return m !== null && m >= c.lo && m <= c.hi ? m : null;
  };
  return setup({
    types: {
      context: {} as Ctx,
      events: {} as PlaybackEvent<T>,
      input: {} as PlaybackInput<T>,
    },
    delays: {
      tick: ({ context: c }) => tickMs({ ...c, interval: PLAY_INTERVAL_MS }),
      loopPause: Math.max(LOOP_PAUSE_MS, PLAY_INTERVAL_MS),
    },
    guards: {
      canStep: ({ context }) => context.cursor < context.hi,
      canBack: ({ context }) => context.cursor > context.lo,
      atEnd: ({ context }) => context.cursor >= context.hi,
      loopsHere: ({ context: c }) => c.range.loop === true && c.cursor >= c.hi && c.hi > c.lo,
      resume: ({ context }) => context.resume,
      hasMark: ({ context }, p: JumpParams) => markFrom(context, p) !== null,
      speedChanges: ({ context, event }) =>
        event.type === 'SPEED' && requestedSpeed(context.speed, event) !== context.speed,
    },
    actions: {
      stepOne: assign({ cursor: ({ context: c }) => clampCursor(c.cursor + 1, c.hi, c.lo) }),
      backOne: assign({ cursor: ({ context: c }) => clampCursor(c.cursor - 1, c.hi, c.lo) }),
      step: assign({
        cursor: ({ context: c }) =>
          c.micro ? c.cursor + 1 : nextLanding(c.landings, c.cursor, c.hi),
      }),
      back: assign({
        cursor: ({ context: c }) =>
          c.micro ? c.cursor - 1 : prevLanding(c.landings, c.cursor, c.lo),
      }),
      setMicro: assign({
        micro: ({ event }) => {
          assertEvent(event, 'MICRO');
          return event.on;
        },
      }),
      rewind: assign({ cursor: ({ context }) => context.lo }),
      toEnd: assign({ cursor: ({ context }) => context.hi }),
      toMark: assign({
        cursor: ({ context }, p: JumpParams) => markFrom(context, p) ?? context.cursor,
      }),
      seek: assign({
        cursor: ({ context: c, event }) => {
          assertEvent(event, 'SEEK');
          return clampCursor(event.to, c.hi, c.lo);
        },
      }),
      setSpeed: assign({
        speed: ({ context, event }) => {
          assertEvent(event, 'SPEED');
          return requestedSpeed(context.speed, event);
        },
      }),
      remember: assign({ resume: (_, playing: boolean) => playing }),
      load: assign(({ context, event }) => {
        assertEvent(event, 'LOAD');
        const place = event.cursor ?? 'keep';
        return loaded(
          event.trace,
          context.range,
          place,
          context.cursor,
          event.narration,
          event.changes,
        );
      }),
    },
  }).createMachine({
    id: 'playback',
    context: ({ input }) => ({
      ...loaded(
        input.trace ?? null,
        input.range ?? {},
        input.cursor ?? 'start',
        0,
        input.narration,
        input.changes,
      ),
      micro: input.micro ?? false,
      range: input.range ?? {},
      speed: snapSpeed(input.speed ?? DEFAULT_SPEED),
      resume: false,
    }),
    initial: 'idle',
    // Jumps move the cursor whatever the state; playing goes on from the new place.
    on: {
      SEEK: { actions: 'seek' },
      LOAD: { target: '.idle', actions: 'load' },
      SPEED: { guard: 'speedChanges', actions: 'setSpeed' },
      MICRO: { actions: 'setMicro' },
      START: { guard: 'canBack', actions: 'rewind' },
      END: { guard: 'canStep', actions: 'toEnd' },
      NEXT_OP: jump('next', 'ops'),
      PREV_OP: jump('prev', 'ops'),
      NEXT_VIOLATION: jump('next', 'violations'),
      PREV_VIOLATION: jump('prev', 'violations'),
      NEXT_LOCK: jump('next', 'locks'),
      PREV_LOCK: jump('prev', 'locks'),
      NEXT_STOP: jump('next', 'stops'),
      PREV_STOP: jump('prev', 'stops'),
    },
    states: {
      idle: {
        on: {
          STEP: { guard: 'canStep', actions: 'step' },
          BACK: { guard: 'canBack', actions: 'back' },
          STEP_ONE: { guard: 'canStep', actions: 'stepOne' },
          BACK_ONE: { guard: 'canBack', actions: 'backOne' },
          PLAY: [{ guard: 'atEnd', target: 'playing', actions: 'rewind' }, { target: 'playing' }],
          TOGGLE: [{ guard: 'atEnd', target: 'playing', actions: 'rewind' }, { target: 'playing' }],
          SCRUB_START: { target: 'scrubbing', actions: { type: 'remember', params: false } },
        },
      },
      playing: {
        // Playing stops by itself at the end of the trace (or of an embed's range, or loops).
        always: [
          { guard: 'loopsHere', target: 'looping' },
          { guard: 'atEnd', target: 'idle' },
        ],
        // play goes micro-step by micro-step; the pace (tickMs) passes quickly over the steps that
        // change nothing drawn
        after: { tick: { target: 'playing', reenter: true, actions: 'stepOne' } },
        on: {
          PAUSE: 'idle',
          TOGGLE: 'idle',
          // Taking a step by hand takes control back from the timer.
          STEP: { guard: 'canStep', target: 'idle', actions: 'step' },
          BACK: { guard: 'canBack', target: 'idle', actions: 'back' },
          STEP_ONE: { guard: 'canStep', target: 'idle', actions: 'stepOne' },
          BACK_ONE: { guard: 'canBack', target: 'idle', actions: 'backOne' },
          // Re-entering restarts the timer at the new rate.
          SPEED: { guard: 'speedChanges', target: 'playing', reenter: true, actions: 'setSpeed' },
          SCRUB_START: { target: 'scrubbing', actions: { type: 'remember', params: true } },
        },
      },
      // An embed's loop: a pause on the last step of the range, then again from its start.
      looping: {
        after: { loopPause: { target: 'playing', actions: 'rewind' } },
        on: {
          PAUSE: 'idle',
          TOGGLE: 'idle',
          PLAY: { target: 'playing', actions: 'rewind' },
          BACK: { guard: 'canBack', target: 'idle', actions: 'back' },
          BACK_ONE: { guard: 'canBack', target: 'idle', actions: 'backOne' },
          SCRUB_START: { target: 'scrubbing', actions: { type: 'remember', params: true } },
        },
      },
      scrubbing: {
        on: {
          SCRUB_END: [{ guard: 'resume', target: 'playing' }, { target: 'idle' }],
          PAUSE: { actions: { type: 'remember', params: false } },
        },
      },
    },
  });
}

/** The machine over any trace with steps, op starts and violations (tests, other pages). */
export const playbackMachine = createPlaybackMachine<PlaybackTrace>();

export type PlaybackMachine<T extends PlaybackTrace = PlaybackTrace> = ReturnType<
  typeof createPlaybackMachine<T>
>;
