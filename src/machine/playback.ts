// The playback machine: a cursor over a precomputed trace (STYLE.md 2, 4).
// `cursor` counts micro-steps taken, from 0 (the initial state) to `total` (the end of the trace).
// Moving back only moves the cursor; the trace itself is never undone.
import { assertEvent, assign, setup } from 'xstate';

export interface PlaybackContext {
  cursor: number;
  total: number;
}

export type PlaybackEvent =
  | { type: 'STEP' }
  | { type: 'BACK' }
  | { type: 'SEEK'; to: number }
  /** A new trace: `cursor` defaults to the current cursor, clamped to the new total. */
  | { type: 'LOAD'; total: number; cursor?: number }
  | { type: 'PLAY' }
  | { type: 'PAUSE' }
  | { type: 'TOGGLE' };

export interface PlaybackInput {
  total?: number;
  cursor?: number;
}

/** Milliseconds between two steps while playing. */
export const PLAY_INTERVAL_MS = 700;

/** A whole number of steps within [0, total]; anything else (NaN, fractions) is brought inside. */
export function clampCursor(to: number, total: number): number {
  if (!Number.isFinite(to)) return to > 0 ? total : 0;
  return Math.min(Math.max(Math.trunc(to), 0), total);
}

function cleanTotal(total: number | undefined): number {
  return total !== undefined && Number.isFinite(total) ? Math.max(0, Math.trunc(total)) : 0;
}

export const playbackMachine = setup({
  types: {
    context: {} as PlaybackContext,
    events: {} as PlaybackEvent,
    input: {} as PlaybackInput,
  },
  delays: { tick: PLAY_INTERVAL_MS },
  guards: {
    canStep: ({ context }) => context.cursor < context.total,
    canBack: ({ context }) => context.cursor > 0,
    atEnd: ({ context }) => context.cursor >= context.total,
  },
  actions: {
    step: assign({ cursor: ({ context }) => clampCursor(context.cursor + 1, context.total) }),
    back: assign({ cursor: ({ context }) => clampCursor(context.cursor - 1, context.total) }),
    rewind: assign({ cursor: 0 }),
    seek: assign({
      cursor: ({ context, event }) => {
        assertEvent(event, 'SEEK');
        return clampCursor(event.to, context.total);
      },
    }),
    load: assign(({ context, event }) => {
      assertEvent(event, 'LOAD');
      const total = cleanTotal(event.total);
      return { total, cursor: clampCursor(event.cursor ?? context.cursor, total) };
    }),
  },
}).createMachine({
  id: 'playback',
  context: ({ input }) => {
    const total = cleanTotal(input.total);
    return { total, cursor: clampCursor(input.cursor ?? 0, total) };
  },
  initial: 'idle',
  on: {
    SEEK: { actions: 'seek' },
    LOAD: { target: '.idle', actions: 'load' },
  },
  states: {
    idle: {
      on: {
        STEP: { guard: 'canStep', actions: 'step' },
        BACK: { guard: 'canBack', actions: 'back' },
        PLAY: [{ guard: 'atEnd', target: 'playing', actions: 'rewind' }, { target: 'playing' }],
        TOGGLE: [{ guard: 'atEnd', target: 'playing', actions: 'rewind' }, { target: 'playing' }],
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
      },
    },
  },
});

export type PlaybackMachine = typeof playbackMachine;
