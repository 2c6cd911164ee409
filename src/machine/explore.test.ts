import { describe, expect, it } from 'vitest';
import { createActor, fromCallback, waitFor } from 'xstate';
import type { ExploreResult } from '../kernel/explore';
import { builtinScenarios } from '../scenarios';
import { exploreMachine } from './explore';
import type { ExploreEvent, ExploreRequest } from './explore';

const race81 = builtinScenarios.find((b) => b.id === 'race-8.1')!.scenario;
const request = (era: ExploreRequest['era']): ExploreRequest => ({
  scenario: race81,
  era,
  flags: {},
});

const RESULT: ExploreResult = {
  explored: 3,
  violations: [],
  schedule: [],
  schedules: [],
  runs: 2,
  redundant: 0,
  steps: 0,
  ms: 0,
  complete: true,
  cancelled: false,
  stoppedBy: null,
  bounded: null,
  shortest: true,
  reduction: 'dpor',
  counts: {},
};

/** A search the test drives by hand; `stopped` counts how often the machine stopped it. */
function fakeSearch() {
  const handle: { send: ((e: ExploreEvent) => void) | null; stopped: number } = {
    send: null,
    stopped: 0,
  };
  const search = fromCallback<ExploreEvent, ExploreRequest>(({ sendBack }) => {
    handle.send = sendBack;
    return () => {
      handle.stopped++;
    };
  });
  return { handle, machine: exploreMachine.provide({ actors: { search } }) };
}

describe('exploreMachine', () => {
  it('runs, reports progress and keeps the result', () => {
    const { handle, machine } = fakeSearch();
    const actor = createActor(machine).start();
    actor.send({ type: 'START', request: request('2.6.36') });
    expect(actor.getSnapshot().value).toBe('running');
    handle.send!({
      type: 'PROGRESS',
      progress: { explored: 200, runs: 0, elapsedMs: 10, rate: 20000, found: false },
    });
    expect(actor.getSnapshot().context.progress.explored).toBe(200);
    handle.send!({ type: 'DONE', result: { ...RESULT, explored: 250 } });
    const snap = actor.getSnapshot();
    expect(snap.value).toBe('done');
    expect(snap.context.result?.explored).toBe(250);
    expect(snap.context.progress.explored).toBe(250);
    expect(handle.stopped).toBe(1);
  });

  it('cancel stops the search (the worker) and keeps the count so far', () => {
    const { handle, machine } = fakeSearch();
    const actor = createActor(machine).start();
    actor.send({ type: 'START', request: request('2.6.36') });
    handle.send!({
      type: 'PROGRESS',
      progress: { explored: 600, runs: 0, elapsedMs: 50, rate: 12000, found: false },
    });
    actor.send({ type: 'CANCEL' });
    expect(actor.getSnapshot().value).toBe('cancelled');
    expect(handle.stopped).toBe(1);
    expect(actor.getSnapshot().context.progress.explored).toBe(600);
    // a new search starts afresh
    actor.send({ type: 'START', request: request('2.6.34') });
    expect(actor.getSnapshot().context.progress.explored).toBe(0);
    expect(actor.getSnapshot().context.request?.era).toBe('2.6.34');
  });

  it('shows an error and can start again', () => {
    const { handle, machine } = fakeSearch();
    const actor = createActor(machine).start();
    actor.send({ type: 'START', request: request('2.6.36') });
    handle.send!({ type: 'FAILED', message: 'boom' });
    expect(actor.getSnapshot().value).toBe('failed');
    expect(actor.getSnapshot().context.error).toBe('boom');
    actor.send({ type: 'START', request: request('2.6.36') });
    expect(actor.getSnapshot().context.error).toBeNull();
  });

  it('stopping the machine (the panel unmounting) stops the search', () => {
    const { handle, machine } = fakeSearch();
    const actor = createActor(machine).start();
    actor.send({ type: 'START', request: request('2.6.36') });
    actor.stop();
    expect(handle.stopped).toBe(1);
  });

  it('with the real search (main-thread fallback in node): 8.1 breaks under 2.6.34', async () => {
    const actor = createActor(exploreMachine).start();
    actor.send({ type: 'START', request: request('2.6.34') });
    const snap = await waitFor(actor, (s) => s.matches('done'), { timeout: 20_000 });
    expect(snap.context.result?.violations.length).toBeGreaterThan(0);
    expect(snap.context.result?.schedule.length).toBeGreaterThan(0);
  });
});
