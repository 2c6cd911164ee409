// The playback machine: a cursor over a precomputed trace (STYLE.md 2, 4).
// `cursor` counts micro-steps taken, from 0 (the initial state) to `total` (the end of the trace).
// Moving back only moves the cursor; the trace itself is never undone. Guards and actions are
// one-liners over the pure helpers in marks.ts; the play timer is an `after` delay.
import { assertEvent, assign, setup } from 'xstate';
import { DEFAULT_SPEED, NO_MARKS, nextMark, prevMark, shiftSpeed, snapSpeed } from './marks';
import type { PlaybackMarks } from './marks';

export interface PlaybackContext {
  cursor: number;
  total: number;
  /** multiple of the base rate (one step per PLAY_INTERVAL_MS); one of SPEEDS */
  speed: number;
  /** where the jump events go */
  marks: PlaybackMarks;
  /** scrubbing: whether to play again when the pointer is released */
  resume: boolean;
}

/** Which marker list a jump uses. */
export type MarkKind = keyof PlaybackMarks;

export type PlaybackEvent =
  | { type: 'STEP' }
  | { type: 'BACK' }
  | { type: 'SEEK'; to: number }
  /** A new trace: `cursor` defaults to the current cursor (`end`: the new total), clamped. */
  | { type: 'LOAD'; total: number; cursor?: number | 'end'; marks?: PlaybackMarks }
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
  /** The pointer went down on the timeline: pause until SCRUB_END, SEEK meanwhile. */
  | { type: 'SCRUB_START' }
  | { type: 'SCRUB_END' };

export interface PlaybackInput {
  total?: number;
  cursor?: number;
  marks?: PlaybackMarks;
  speed?: number;
}

/** Milliseconds between two steps while playing at 1×. */
export const PLAY_INTERVAL_MS = 600;

/** A whole number of steps within [0, total]; anything else (NaN, fractions) is brought inside. */
export function clampCursor(to: number, total: number): number {
  if (!Number.isFinite(to)) return to > 0 ? total : 0;
  return Math.min(Math.max(Math.trunc(to), 0), total);
}

function cleanTotal(total: number | undefined): number {
  return total !== undefined && Number.isFinite(total) ? Math.max(0, Math.trunc(total)) : 0;
}

/** The speed a SPEED event asks for. */
export function requestedSpeed(speed: number, e: { to?: number; by?: number }): number {
  return e.to !== undefined ? snapSpeed(e.to) : shiftSpeed(speed, e.by ?? 0);
}

const jump = (dir: 'next' | 'prev', kind: MarkKind) => ({
  guard: { type: 'hasMark', params: { dir, kind } } as const,
  actions: { type: 'toMark', params: { dir, kind } } as const,
});

type JumpParams = { dir: 'next' | 'prev'; kind: MarkKind };
/** The mark a jump goes to; marks outside the trace (a stale list) count as none. */
function markFrom(c: PlaybackContext, p: JumpParams): number | null {
  const m = (p.dir === 'next' ? nextMark : prevMark)(c.marks[p.kind], c.cursor);
  return m !== null && m >= 0 && m <= c.total ? m : null;
}

export const playbackMachine = setup({
  types: {
    context: {} as PlaybackContext,
    events: {} as PlaybackEvent,
    input: {} as PlaybackInput,
  },
  delays: { tick: ({ context }) => PLAY_INTERVAL_MS / context.speed },
  guards: {
    canStep: ({ context }) => context.cursor < context.total,
    canBack: ({ context }) => context.cursor > 0,
    atEnd: ({ context }) => context.cursor >= context.total,
    resume: ({ context }) => context.resume,
    hasMark: ({ context }, p: JumpParams) => markFrom(context, p) !== null,
    speedChanges: ({ context, event }) =>
      event.type === 'SPEED' && requestedSpeed(context.speed, event) !== context.speed,
  },
  actions: {
    step: assign({ cursor: ({ context }) => clampCursor(context.cursor + 1, context.total) }),
    back: assign({ cursor: ({ context }) => clampCursor(context.cursor - 1, context.total) }),
    rewind: assign({ cursor: 0 }),
    toEnd: assign({ cursor: ({ context }) => context.total }),
    toMark: assign({
      cursor: ({ context }, p: JumpParams) => markFrom(context, p) ?? context.cursor,
    }),
    seek: assign({
      cursor: ({ context, event }) => {
        assertEvent(event, 'SEEK');
        return clampCursor(event.to, context.total);
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
      const total = cleanTotal(event.total);
      const to = event.cursor === 'end' ? total : (event.cursor ?? context.cursor);
      return { total, cursor: clampCursor(to, total), marks: event.marks ?? NO_MARKS };
    }),
  },
}).createMachine({
  id: 'playback',
  context: ({ input }) => {
    const total = cleanTotal(input.total);
    return {
      total,
      cursor: clampCursor(input.cursor ?? 0, total),
      speed: snapSpeed(input.speed ?? DEFAULT_SPEED),
      marks: input.marks ?? NO_MARKS,
      resume: false,
    };
  },
  initial: 'idle',
  // Jumps move the cursor whatever the state; playing goes on from the new place.
  on: {
    SEEK: { actions: 'seek' },
    LOAD: { target: '.idle', actions: 'load' },
    SPEED: { guard: 'speedChanges', actions: 'setSpeed' },
    START: { guard: 'canBack', actions: 'rewind' },
    END: { guard: 'canStep', actions: 'toEnd' },
    NEXT_OP: jump('next', 'ops'),
    PREV_OP: jump('prev', 'ops'),
    NEXT_VIOLATION: jump('next', 'violations'),
    PREV_VIOLATION: jump('prev', 'violations'),
    NEXT_LOCK: jump('next', 'locks'),
    PREV_LOCK: jump('prev', 'locks'),
  },
  states: {
    idle: {
      on: {
        STEP: { guard: 'canStep', actions: 'step' },
        BACK: { guard: 'canBack', actions: 'back' },
        PLAY: [{ guard: 'atEnd', target: 'playing', actions: 'rewind' }, { target: 'playing' }],
        TOGGLE: [{ guard: 'atEnd', target: 'playing', actions: 'rewind' }, { target: 'playing' }],
        SCRUB_START: { target: 'scrubbing', actions: { type: 'remember', params: false } },
      },
    },
    playing: {
      // Playing stops by itself at the end of the trace.
      always: { guard: 'atEnd', target: 'idle' },
      after: { tick: { target: 'playing', reenter: true, actions: 'step' } },
      on: {
        PAUSE: 'idle',
        TOGGLE: 'idle',
        // Taking a step by hand takes control back from the timer.
        STEP: { guard: 'canStep', target: 'idle', actions: 'step' },
        BACK: { guard: 'canBack', target: 'idle', actions: 'back' },
        // Re-entering restarts the timer at the new rate.
        SPEED: { guard: 'speedChanges', target: 'playing', reenter: true, actions: 'setSpeed' },
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

export type PlaybackMachine = typeof playbackMachine;
