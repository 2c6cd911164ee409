// Starts a load in the load worker and puts its replay together on the page: the step records
// arrive in chunks, then the checkpoints, then the rest; the page's Replay rebuilds any state
// from the checkpoint before it. cancel() terminates the worker. Where there are no workers
// (unit tests) the same job runs on the main thread.
import type { EraId, Flags } from '../../kernel/flags';
import { replayFromParts } from '../../kernel';
import type { Checkpoint } from '../../kernel/replayParts';
import type { Replay } from '../../kernel/replay';
import type { Scenario } from '../../kernel/scenarioTypes';
import type { Step } from '../../kernel/trace';
import type { FamilyCount } from '../../metrics/metrics';
import type { Universe } from '../layout/universe';
import { runLoad } from './loadJob';
import type { LoadProgress, LoadReply, LoadRequest } from './loadProtocol';

export type LoadOutcome =
  | { kind: 'done'; trace: Replay; universe: Universe; families: FamilyCount[] }
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

export function startLoad(input: LoadInput, onProgress: (p: LoadProgress) => void): LoadRun {
  const id = nextId++;
  const req: LoadRequest = { type: 'load', id, ...input };
  const opts = {
    ...(input.era === null ? {} : { era: input.era }),
    ...(Object.keys(input.flags).length > 0 ? { flags: input.flags } : {}),
    ...(input.interactive ? { interactive: true } : {}),
  };
  const steps: Step[] = [];
  const checkpoints: Checkpoint[] = [];
  let settle: ((o: LoadOutcome) => void) | null = null;
  const result = new Promise<LoadOutcome>((resolve) => {
    settle = resolve;
  });
  const finish = (o: LoadOutcome) => {
    settle?.(o);
    settle = null;
  };
  const receive = (m: LoadReply) => {
    if (m.id !== id || settle === null) return;
    switch (m.type) {
      case 'progress':
        onProgress(m.progress);
        break;
      case 'steps':
        for (const s of m.steps) steps.push(s);
        break;
      case 'checkpoint':
        checkpoints.push(m.checkpoint);
        break;
      case 'done': {
        const trace = replayFromParts(input.scenario, opts, { ...m.parts, steps }, checkpoints);
        finish({ kind: 'done', trace, universe: m.universe, families: m.families });
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
  worker.addEventListener('message', (e: MessageEvent<LoadReply>) => {
    receive(e.data);
    if (settle === null) worker.terminate();
  });
  worker.addEventListener('error', (e) => {
    worker.terminate();
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
