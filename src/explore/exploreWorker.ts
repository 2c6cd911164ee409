/// <reference lib="webworker" />
// The explore worker: one search per request, progress four times a second.
import { explore } from '../kernel/explore';
import { requestOptions } from './exploreWorkerOptions';
import type { ExploreReply, ExploreRequest } from './protocol';

const post = (m: ExploreReply): void => {
  (self as unknown as DedicatedWorkerGlobalScope).postMessage(m);
};

self.addEventListener('message', (e: MessageEvent<ExploreRequest>) => {
  const req = e.data;
  if (req?.type !== 'explore') return;
  try {
    const opts = requestOptions(req, (progress) => {
      post({ type: 'progress', id: req.id, progress });
      return true;
    });
    post({ type: 'done', id: req.id, result: explore(req.scenario, opts) });
  } catch (err) {
    post({ type: 'error', id: req.id, message: err instanceof Error ? err.message : String(err) });
  }
});
