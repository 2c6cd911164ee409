/// <reference lib="webworker" />
// The load worker: one big scenario per request (loadJob.ts), off the page's main thread.
import { runLoad } from './loadJob';
import type { LoadReply, LoadRequest } from './loadProtocol';

const post = (m: LoadReply): void => {
  (self as unknown as DedicatedWorkerGlobalScope).postMessage(m);
};

self.addEventListener('message', (e: MessageEvent<LoadRequest>) => {
  const req = e.data;
  if (req?.type === 'load') runLoad(req, post);
});
