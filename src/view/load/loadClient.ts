// Starts a load in the load worker and puts its replay together on the page: the step records
// arrive in column chunks, then the rest; the page's Replay asks the worker for the state at a
// cursor (servedReplay.ts), so the worker lives on after the load, until the page opens another
// big scenario (one worker at a time: its checkpoints are most of a big scenario's memory).
// cancel() terminates it. Where there are no workers (unit tests) the same job runs on the main
// thread.
import type { EraId, Flags } from '../../kernel/flags';
import type { Replay } from '../../kernel/replay';
import type { Scenario } from '../../kernel/scenarioTypes';
import { StepColumns } from '../../kernel';
import type { FamilyCount } from '../../metrics/metrics';
import type { LayoutData } from '../layout/matrixLayout';
import type { Universe } from '../layout/universe';
import { runLoad, serveState } from './loadJob';
import { fromJson } from './loadProtocol';
import type { LoadMessage, LoadProgress, LoadReply, LoadRequest } from './loadProtocol';
import { servedReplay, type Served } from './servedReplay';
import { ReadingsCollector } from './traceReadings';
import type { TraceReadings } from './traceReadings';

export type LoadOutcome =
  | {
      kind: 'done';
      trace: Replay;
      universe: Universe;
      layout: LayoutData;
      /** the scenario compressed for the page's address */
      link: string;
      families: FamilyCount[];
      /** the whole-trace readings, taken as the steps arrived */
      readings: TraceReadings;
    }
  | { kind: 'refused'; maxSteps: number; op: number }
  | { kind: 'error'; message: string }
  | { kind: 'cancelled' };

export interface LoadRun {
  result: Promise<LoadOutcome>;
  cancel(): void;
}

export interface LoadInput {
  scenario: Scenario;
  era: EraId | null;
  flags: Partial<Flags>;
  interactive: boolean;
  maxSteps: number;
}

let nextId = 1;

/** The worker serving the states of the big scenario opened last. */
let serving: Worker | null = null;

export function startLoad(input: LoadInput, onProgress: (p: LoadProgress) => void): LoadRun {
  const id = nextId++;
  const req: LoadRequest = { type: 'load', id, ...input };
  // the step records stay in their columns (a step is made when something reads it)
  const steps = new StepColumns();
  const readings = new ReadingsCollector(input.scenario);
  let universe: Universe | null = null;
  let made: { layout: LayoutData; link: string } | null = null;
  let served: Served | null = null;
  let settle: ((o: LoadOutcome) => void) | null = null;
  const result = new Promise<LoadOutcome>((resolve) => {
    settle = resolve;
  });
  const finish = (o: LoadOutcome) => {
    settle?.(o);
    settle = null;
  };
  let send: (m: LoadMessage) => void = () => {};
  const receive = (m: LoadReply) => {
    if (m.id !== id) return;
    if (m.type === 'state') {
      served?.deliver(m.cursor, m.parts);
      return;
    }
    if (settle === null) return;
    switch (m.type) {
      case 'progress':
        onProgress(m.progress);
        break;
      case 'steps': {
        const from = steps.length;
        steps.add(m.chunk);
        readings.add(steps, from);
        break;
      }
      case 'universe':
        universe = fromJson(m.universe);
        break;
      case 'layout':
        made = { layout: fromJson(m.layout), link: m.link };
        break;
      case 'done': {
        if (!made || !universe) {
          finish({ kind: 'error', message: 'the load worker sent no layout' });
          break;
        }
        served = servedReplay({
          parts: m.parts,
          steps: steps.list(),
          startView: m.startView,
          forest: m.forest,
          ask: (cursor) => send({ type: 'state', id, cursor }),
        });
        finish({
          kind: 'done',
          trace: served.trace,
          universe,
          layout: made.layout,
          link: made.link,
          families: m.families,
          readings: readings.result(served.trace),
        });
        break;
      }
      case 'refused':
        finish({ kind: 'refused', maxSteps: m.maxSteps, op: m.op });
        break;
      case 'error':
        finish({ kind: 'error', message: m.message });
        break;
    }
  };
  if (typeof Worker === 'undefined') {
    // no worker (unit tests): the job runs here, a task at a time
    send = (m) => {
      if (m.type === 'state') setTimeout(() => serveState(m, receive), 0);
    };
    const timer = setTimeout(() => runLoad(req, receive), 0);
    return {
      result,
      cancel() {
        clearTimeout(timer);
        finish({ kind: 'cancelled' });
      },
    };
  }
  const worker = new Worker(new URL('./loadWorker.ts', import.meta.url), { type: 'module' });
  send = (m) => worker.postMessage(m);
  worker.addEventListener('message', (e: MessageEvent<LoadReply>) => {
    const wasOpen = settle !== null;
    receive(e.data);
    if (!wasOpen || settle !== null) return;
    if (served) {
      // done: this worker now serves the states of the scenario opened
      if (serving && serving !== worker) serving.terminate();
      serving = worker;
    } else worker.terminate();
  });
  worker.addEventListener('error', (e) => {
    worker.terminate();
    if (serving === worker) serving = null;
    finish({
      kind: 'error',
      message: `the load worker failed (${e.message || 'no reason given'})`,
    });
  });
  worker.postMessage(req);
  return {
    result,
    cancel() {
      worker.terminate();
      finish({ kind: 'cancelled' });
    },
  };
}
