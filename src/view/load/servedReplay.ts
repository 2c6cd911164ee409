// The page's Replay of a big scenario loaded in the load worker: the step records are here,
// the states are not. The worker keeps the checkpoints and makes the state at a cursor when
// asked; until it comes, stateAt answers with the last state it gave (the page never waits on
// the main thread), and subscribers are told when it arrives. Requests are coalesced: while one
// is being made only the latest cursor asked for is remembered, so scrubbing across a million
// steps costs a handful of states, not one per event. A state comes in parts (stateParts.ts),
// read a part a task: the page answers input while a big one is put together.
import type { Replay, ServedStates } from '../../kernel';
import type { Forest } from '../../kernel';
import type { ReplayParts } from '../../kernel/replayParts';
import type { Step } from '../../kernel/trace';
import type { ViewState } from '../../kernel/view';
import { StateReader } from './stateParts';
import type { StateParts } from './stateParts';

/** States kept on the page, and the objects they may hold in all (the last one given stays). */
const KEPT_STATES = 16;
const KEPT_OBJECTS = 1_500_000;

const sizeOf = (v: ViewState): number =>
  v.anonVmas.length + v.pages.length + v.anonVmas.reduce((n, a) => n + a.tree.length, 0);

export interface ServedInput {
  parts: Omit<ReplayParts, 'steps' | 'finalView' | 'forest'>;
  steps: Step[];
  startView: ViewState;
  /** the final state's Contract 2 snapshot, JSON in UTF-8 (decoded when asked for) */
  forest: Uint8Array;
  /** asks the worker for the state after `cursor` micro-steps (the answer comes to deliver) */
  ask: (cursor: number) => void;
  /** runs `fn` in a task of its own (each part of a state is read in one) */
  later?: (fn: () => void) => void;
}

export interface Served {
  trace: Replay;
  /** a state the worker made, in parts, for `cursor` (read a part a task) */
  deliver(cursor: number, parts: StateParts): void;
}

export function servedReplay({
  parts,
  steps,
  startView,
  forest: bytes,
  ask,
  later = nextTask,
}: ServedInput): Served {
  const total = parts.taken;
  const cache = new Map<number, ViewState>([[0, startView]]);
  let objects = sizeOf(startView);
  let shown = startView;
  let inflight: number | null = null;
  let wanted: number | null = null;
  const listeners = new Set<() => void>();
  const clamp = (n: number) => Math.max(0, Math.min(total, Math.floor(n)));

  const request = (n: number) => {
    if (inflight === null) {
      inflight = n;
      ask(n);
    } else if (inflight !== n) wanted = n;
  };
  const keep = (n: number, v: ViewState) => {
    const size = sizeOf(v);
    if (cache.size >= KEPT_STATES || objects + size > KEPT_OBJECTS) {
      cache.clear();
      cache.set(0, startView);
      objects = sizeOf(startView);
    }
    cache.set(n, v);
    objects += size;
  };
  const exact = (n: number): ViewState => {
    const v = cache.get(n);
    if (!v)
      throw new Error(
        `the state after step ${n} of this big scenario is made by its load worker; ask stateAt and wait for it`,
      );
    return v;
  };

  const served: ServedStates = {
    has: (n) => cache.has(clamp(n)),
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
  };
  let forest: Forest | null = null;
  const trace: Replay = {
    ...parts,
    steps,
    served,
    forest: () => (forest ??= JSON.parse(new TextDecoder().decode(bytes)) as Forest),
    stateAt(n) {
      const at = clamp(n);
      const hit = cache.get(at);
      if (hit) {
        shown = hit;
        return hit;
      }
      request(at);
      return shown;
    },
    statesAt: (ns) => ns.map((n) => exact(clamp(n))),
    sampleAt: (ns, fn) => ns.map((n) => fn(exact(clamp(n)))),
  };
  return {
    trace,
    deliver(cursor, sent) {
      const reader = new StateReader(sent);
      const readPart = () => {
        if (!reader.read()) {
          later(readPart);
          return;
        }
        keep(cursor, reader.state());
        if (inflight === cursor) inflight = null;
        const next = wanted;
        wanted = null;
        if (next !== null && !cache.has(next)) request(next);
        for (const fn of [...listeners]) fn();
      };
      later(readPart);
    },
  };
}

interface PostTask {
  postTask(fn: () => void, opts: { priority: 'user-visible' }): Promise<unknown>;
}

/**
 * A new task for `fn`: the scheduler's where there is one (nested timeouts are clamped to 4 ms,
 * which a state of forty parts would wait for forty times), else a timeout.
 */
export function nextTask(fn: () => void): void {
  const s = (globalThis as { scheduler?: Partial<PostTask> }).scheduler;
  if (s?.postTask) void s.postTask(fn, { priority: 'user-visible' });
  else setTimeout(fn, 0);
}
