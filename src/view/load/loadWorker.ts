/// <reference lib="webworker" />
// The load worker: one big scenario per request (loadJob.ts), off the page's main thread, then
// the states of that scenario the page asks for.
import { runLoad, serveState } from './loadJob';
import type { LoadMessage, LoadReply } from './loadProtocol';

const post = (m: LoadReply, transfer: Transferable[] = []): void => {
  (self as unknown as DedicatedWorkerGlobalScope).postMessage(m, transfer);
};

self.addEventListener('message', (e: MessageEvent<LoadMessage>) => {
  const req = e.data;
  if (req?.type === 'load') runLoad(req, post);
  else if (req?.type === 'state') serveState(req, post);
});
