/// <reference lib="webworker" />
// The explore worker: one search per request, progress every few hundred states.
import { explore } from '../kernel/explore';
import type { ExploreReply, ExploreRequest } from './protocol';

const post = (m: ExploreReply): void => {
  (self as unknown as DedicatedWorkerGlobalScope).postMessage(m);
};

self.addEventListener('message', (e: MessageEvent<ExploreRequest>) => {
  const req = e.data;
  if (req?.type !== 'explore') return;
  try {
    const opts: Parameters<typeof explore>[1] = {
      progressMs: 250,
      progress: (p) => {
        post({ type: 'progress', id: req.id, explored: p.states });
        return true;
      },
    };
    if (req.era !== undefined) opts.era = req.era;
    if (req.flags !== undefined) opts.flags = req.flags;
    if (req.maxStates !== undefined) opts.maxStates = req.maxStates;
    post({ type: 'done', id: req.id, result: explore(req.scenario, opts) });
  } catch (err) {
    post({ type: 'error', id: req.id, message: err instanceof Error ? err.message : String(err) });
  }
});
