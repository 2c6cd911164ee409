// The explore panel's machine: idle → running → done | cancelled | failed. The search is an
// invoked callback actor that lives and dies with `running` (STYLE.md 4): leaving the state for
// any reason (CANCEL, the panel unmounting) stops it, which terminates the worker.
import { assign, fromCallback, setup } from 'xstate';
import type { ExploreResult } from '../kernel/explore';
import type { EraId, Flags } from '../kernel/flags';
import type { Scenario } from '../kernel/scenarioTypes';
import { CancelledError, startExplore } from '../explore/exploreClient';
import type { ExploreProgress } from '../explore/exploreClient';

export interface ExploreRequest {
  scenario: Scenario;
  era: EraId;
  flags: Partial<Flags>;
  maxStates?: number;
  maxSeconds?: number;
}

export interface ExploreContext {
  request: ExploreRequest | null;
  progress: ExploreProgress;
  result: ExploreResult | null;
  error: string | null;
}

export type ExploreEvent =
  | { type: 'START'; request: ExploreRequest }
  | { type: 'CANCEL' }
  | { type: 'PROGRESS'; progress: ExploreProgress }
  | { type: 'DONE'; result: ExploreResult }
  | { type: 'FAILED'; message: string };

const NO_PROGRESS: ExploreProgress = { explored: 0, runs: 0, elapsedMs: 0, rate: 0, found: false };

/** Runs one search through the explore client and reports back as events. */
export const searchActor = fromCallback<ExploreEvent, ExploreRequest>(({ sendBack, input }) => {
  let live = true;
  const run = startExplore(
    {
      scenario: input.scenario,
      era: input.era,
      flags: input.flags,
      ...(input.maxStates === undefined ? {} : { maxStates: input.maxStates }),
      ...(input.maxSeconds === undefined ? {} : { maxSeconds: input.maxSeconds }),
    },
    (progress) => {
      if (live) sendBack({ type: 'PROGRESS', progress });
    },
  );
  run.result.then(
    (result) => {
      if (live) sendBack({ type: 'DONE', result });
    },
    (err: unknown) => {
      // a cancel is the machine's own doing: it has already left `running`
      if (!live || err instanceof CancelledError) return;
      sendBack({ type: 'FAILED', message: err instanceof Error ? err.message : String(err) });
    },
  );
  return () => {
    live = false;
    run.cancel();
  };
});

const start = { target: 'running', actions: 'begin' } as const;

export const exploreMachine = setup({
  types: { context: {} as ExploreContext, events: {} as ExploreEvent },
  actors: { search: searchActor },
  actions: {
    begin: assign(({ event }) => ({
      request: event.type === 'START' ? event.request : null,
      progress: NO_PROGRESS,
      result: null,
      error: null,
    })),
    progress: assign({
      progress: ({ context, event }) =>
        event.type === 'PROGRESS' ? event.progress : context.progress,
    }),
    finish: assign({
      result: ({ event }) => (event.type === 'DONE' ? event.result : null),
      progress: ({ context, event }) =>
        event.type === 'DONE'
          ? {
              ...context.progress,
              explored: event.result.explored,
              runs: event.result.runs,
              elapsedMs: event.result.ms,
            }
          : context.progress,
    }),
    fail: assign({ error: ({ event }) => (event.type === 'FAILED' ? event.message : null) }),
  },
}).createMachine({
  id: 'explore',
  context: { request: null, progress: NO_PROGRESS, result: null, error: null },
  initial: 'idle',
  states: {
    idle: { on: { START: start } },
    running: {
      invoke: { src: 'search', input: ({ context }) => context.request! },
      on: {
        PROGRESS: { actions: 'progress' },
        DONE: { target: 'done', actions: 'finish' },
        FAILED: { target: 'failed', actions: 'fail' },
        CANCEL: 'cancelled',
      },
    },
    done: { on: { START: start } },
    cancelled: { on: { START: start } },
    failed: { on: { START: start } },
  },
});
