// The page's controller: the one place a trace reaches the playback machine. It owns the playback
// actor, and subscribes to the store's session inputs (scenario, era, flags, mode): when they
// change, it derives the session through the trace service and hands the new trace to the machine
// at once (LOAD), in the same tick as the store change and outside React, so no render ever sees
// a cursor of one trace over another. The store's `cursorIntent` says where the cursor goes.
import { createActor } from 'xstate';
import type { Actor, ActorOptions } from 'xstate';
import { withCaptions } from '../narration/captions';
import { createPlaybackMachine } from '../machine/playback';
import type { CursorPlace, PlaybackRange } from '../machine/playback';
import { CUSTOM_ID, sessionOf } from '../session/current';
import { drawnChanges } from '../session/drawnChanges';
import type { SessionInputs } from '../session/current';
import type { Session } from '../session/session';
import type { Trace } from '../session/traces';
import type { AppState } from '../store';

/** The playback machine over the page's traces (kernel replays). */
export const pagePlaybackMachine = createPlaybackMachine<Trace>();
export type PagePlaybackMachine = typeof pagePlaybackMachine;
export type PlaybackActor = Actor<PagePlaybackMachine>;

/** What the store must offer the controller (the page's store, or a test's). */
export interface ControllerStore {
  getState(): AppState;
  subscribe(listener: (state: AppState) => void): () => void;
}

export interface ControllerOptions {
  /** the cursor the page opens at (a link's `step`) */
  step?: number | 'end' | undefined;
  /**
   * The page opened with no scenario and no step in its link (the home page): without a `step`,
   * it opens at the tour's first caption stop, where the drawing has something to show.
   */
  home?: boolean;
  /** step and play every micro-step alike (an embed, or the reader's saved choice) */
  micro?: boolean;
  /** an embed's range and loop */
  range?: PlaybackRange;
  speed?: number | undefined;
  autoplay?: boolean | undefined;
  /**
   * Leave out where the first trace's drawing changes (drawnChanges: a pass over every step) on
   * the start-up path: the machine gets them from `settle()`, which the page calls in idle time
   * or before the reader's first command. Until then nothing can step (nothing is on screen).
   */
  deferChanges?: boolean;
  /** a simulated clock for tests */
  clock?: ActorOptions<PagePlaybackMachine>['clock'];
}

export interface PageController {
  actor: PlaybackActor;
  /** the session shown now (null: no built-in scenario at all) */
  session(): Session | null;
  /** hands the machine the changes `deferChanges` held back (once; nothing when none are) */
  settle(): void;
  stop(): void;
}

/** The captions that fit a session's replay (step captions only for the file's own replay). */
export function narrationOf(session: Session | null) {
  return session?.ok ? withCaptions(session.scenario, session.trace).narration : undefined;
}

const traceOf = (s: Session | null): Trace | null => (s?.ok ? s.trace : null);

/** Where the trace's drawing changes (null: every step counts), for the machine's STEP and pace. */
const changesOf = (t: Trace | null) => (t ? drawnChanges(t) : null);

const INPUTS: readonly (keyof SessionInputs)[] = [
  'scenarioId',
  'custom',
  'eraOverride',
  'flagsOverride',
  'interactive',
];
const sameInputs = (a: AppState, b: AppState) => INPUTS.every((k) => a[k] === b[k]);

export function createPageController(
  store: ControllerStore,
  options: ControllerOptions = {},
): PageController {
  let state = store.getState();
  let shown = sessionOf(state);
  const step = options.step;
  const cursor: CursorPlace = step !== undefined ? step : options.home ? 'first-stop' : 'start';
  const narration = narrationOf(shown);
  // the trace whose changes the machine is still to get (deferChanges)
  let unsettled = options.deferChanges && !options.autoplay ? traceOf(shown) : null;
  const actor = createActor(pagePlaybackMachine, {
    input: {
      trace: traceOf(shown),
      cursor,
      changes: unsettled ? null : changesOf(traceOf(shown)),
      ...(options.micro !== undefined ? { micro: options.micro } : {}),
      ...(narration ? { narration } : {}),
      ...(options.speed !== undefined ? { speed: options.speed } : {}),
      ...(options.range ? { range: options.range } : {}),
    },
    ...(options.clock ? { clock: options.clock } : {}),
  });
  actor.start();
  if (options.autoplay) actor.send({ type: 'PLAY' });

  const unsubscribe = store.subscribe((next) => {
    const before = state;
    state = next;
    if (sameInputs(before, next)) return;
    const session = sessionOf(next);
    const previous = shown;
    shown = session;
    const trace = traceOf(session);
    if (trace === traceOf(previous) && session?.scenario === previous?.scenario) return;
    // An edit turns a built-in into the custom scenario (its intent, `end`, decides); another
    // scenario starts at its beginning even when the action meant to keep the cursor.
    const other = previous?.scenarioId !== session?.scenarioId && session?.scenarioId !== CUSTOM_ID;
    const wanted = next.cursorIntent;
    const place: CursorPlace = other && wanted === 'keep' ? 'start' : wanted;
    const captions = narrationOf(session);
    unsettled = null;
    actor.send({
      type: 'LOAD',
      trace,
      cursor: place,
      changes: changesOf(trace),
      ...(captions ? { narration: captions } : {}),
    });
  });

  return {
    actor,
    session: () => shown,
    settle() {
      const trace = unsettled;
      if (!trace) return;
      unsettled = null;
      // the same trace, the cursor where it is: only where → lands is new
      const captions = narrationOf(shown);
      actor.send({
        type: 'LOAD',
        trace,
        cursor: 'keep',
        changes: changesOf(trace),
        ...(captions ? { narration: captions } : {}),
      });
    },
    stop() {
      unsubscribe();
      actor.stop();
    },
  };
}
