// Starts an explore in a Web Worker and reports progress (states, rate, elapsed); cancel()
// terminates the worker. Falls back to the main thread where workers are unavailable (tests).
import { explore, type ExploreResult } from '../kernel/explore';
import type { ExploreReply, ExploreRequest } from './protocol';

export interface ExploreProgress {
  explored: number;
  elapsedMs: number;
  /** states per second so far */
  rate: number;
}

export interface ExploreRun {
  result: Promise<ExploreResult>;
  cancel(): void;
}

let nextId = 1;

export function startExplore(
  req: Omit<ExploreRequest, 'type' | 'id'>,
  onProgress: (p: ExploreProgress) => void,
): ExploreRun {
  const id = nextId++;
  const t0 = performance.now();
  const progress = (explored: number): void => {
    const elapsedMs = performance.now() - t0;
    onProgress({ explored, elapsedMs, rate: elapsedMs > 0 ? (explored / elapsedMs) * 1000 : 0 });
  };
  if (typeof Worker === 'undefined') return inline(req, progress);
  const worker = new Worker(new URL('./exploreWorker.ts', import.meta.url), { type: 'module' });
  let settle: { resolve: (r: ExploreResult) => void; reject: (e: Error) => void } | null = null;
  const result = new Promise<ExploreResult>((resolve, reject) => {
    settle = { resolve, reject };
  });
  worker.addEventListener('message', (e: MessageEvent<ExploreReply>) => {
    const m = e.data;
    if (m.id !== id) return;
    if (m.type === 'progress') progress(m.explored);
    else {
      worker.terminate();
      if (m.type === 'done') {
        progress(m.result.explored);
        settle?.resolve(m.result);
      } else settle?.reject(new Error(m.message));
      settle = null;
    }
  });
  worker.addEventListener('error', (e) => {
    worker.terminate();
    settle?.reject(new Error(e.message || 'the explore worker failed'));
    settle = null;
  });
  worker.postMessage({ ...req, type: 'explore', id } satisfies ExploreRequest);
  return {
    result,
    cancel() {
      worker.terminate();
      settle?.reject(new CancelledError());
      settle = null;
    },
  };
}

export class CancelledError extends Error {
  constructor() {
    super('explore cancelled');
    this.name = 'CancelledError';
  }
}

function inline(
  req: Omit<ExploreRequest, 'type' | 'id'>,
  progress: (n: number) => void,
): ExploreRun {
  let cancelled = false;
  const result = new Promise<ExploreResult>((resolve, reject) => {
    setTimeout(() => {
      try {
        const opts: Parameters<typeof explore>[1] = {
          progressMs: 250,
          progress: (p) => (progress(p.states), !cancelled),
        };
        if (req.era !== undefined) opts.era = req.era;
        if (req.flags !== undefined) opts.flags = req.flags;
        if (req.maxStates !== undefined) opts.maxStates = req.maxStates;
        const r = explore(req.scenario, opts);
        if (r.cancelled) reject(new CancelledError());
        else resolve(r);
      } catch (err) {
        reject(err instanceof Error ? err : new Error(String(err)));
      }
    }, 0);
  });
  return {
    result,
    cancel() {
      cancelled = true;
    },
  };
}
