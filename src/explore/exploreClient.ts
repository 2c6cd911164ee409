// Starts an explore in a Web Worker and reports progress (states, interleavings, rate,
// elapsed); cancel() terminates the worker. Falls back to the main thread where workers are
// unavailable (tests).
import { explore, type ExploreResult, type SearchProgress } from '../kernel/explore';
import { requestOptions } from './exploreWorkerOptions';
import type { ExploreReply, ExploreRequest } from './protocol';

export interface ExploreProgress {
  explored: number;
  /** classes of interleavings run to their end */
  runs: number;
  elapsedMs: number;
  /** states per second so far */
  rate: number;
  /** a violation was found and the search looks for a shorter schedule */
  found: boolean;
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
  const progress = (p: Pick<SearchProgress, 'states' | 'runs' | 'found'>): void => {
    const elapsedMs = performance.now() - t0;
    const rate = elapsedMs > 0 ? (p.states / elapsedMs) * 1000 : 0;
    onProgress({ explored: p.states, runs: p.runs, found: p.found, elapsedMs, rate });
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
    if (m.type === 'progress') progress(m.progress);
    else {
      worker.terminate();
      if (m.type === 'done') {
        progress({ states: m.result.explored, runs: m.result.runs, found: false });
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
  progress: (p: SearchProgress) => void,
): ExploreRun {
  let cancelled = false;
  const result = new Promise<ExploreResult>((resolve, reject) => {
    setTimeout(() => {
      try {
        const opts = requestOptions(req, (p) => (progress(p), !cancelled));
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
