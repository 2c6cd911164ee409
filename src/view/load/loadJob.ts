// One load, wherever it runs (the load worker; the main thread where there are no workers, in
// tests): replay bounded by `maxSteps`, checkpoints, the layout's universe, then the results in
// small messages.
import {
  checkpointsOf,
  replayFromParts,
  replayParts,
  ScenarioError,
  TooManySteps,
} from '../../kernel';
import { collectUniverse, sampleCursors } from '../layout/universe';
import type { Sample } from '../layout/universe';
import { familyRows } from '../metrics/eraReplays';
import type { LoadProgress, LoadReply, LoadRequest } from './loadProtocol';

/** Step records per message: reading one costs the page a few milliseconds. */
const STEP_CHUNK = 4000;
/** Layout samples per batch (one progress message each). */
const SAMPLE_BATCH = 50;

function load(req: LoadRequest, post: (m: LoadReply) => void): void {
  const { id, scenario } = req;
  const progress = (p: LoadProgress) => post({ type: 'progress', id, progress: p });
  const opts = {
    ...(req.era === null ? {} : { era: req.era }),
    ...(Object.keys(req.flags).length > 0 ? { flags: req.flags } : {}),
    ...(req.interactive ? { interactive: true } : {}),
  };
  const parts = replayParts(scenario, { ...opts, maxSteps: req.maxSteps }, (p) =>
    progress({ phase: 'replay', done: p.steps, total: req.maxSteps, op: p.op, ops: p.ops }),
  );
  const total = parts.steps.length;
  progress({ phase: 'checkpoints', done: 0, total });
  const checkpoints = checkpointsOf(scenario, opts, parts);
  const trace = replayFromParts(scenario, opts, parts, checkpoints);
  const cursors = sampleCursors(total, parts.opStarts);
  const samples: Sample[] = [];
  for (let i = 0; i < cursors.length; i += SAMPLE_BATCH) {
    progress({ phase: 'layout', done: i, total: cursors.length });
    const batch = cursors.slice(i, i + SAMPLE_BATCH);
    const states = trace.statesAt(batch);
    batch.forEach((cursor, j) => samples.push({ cursor, state: states[j]! }));
  }
  const universe = collectUniverse(samples);
  samples.length = 0;
  progress({ phase: 'metrics', done: 0, total: parts.opStarts.length });
  const families = familyRows(trace);
  const { steps, ...rest } = parts;
  for (let i = 0; i < steps.length; i += STEP_CHUNK) {
    progress({ phase: 'sending', done: i, total });
    post({ type: 'steps', id, steps: steps.slice(i, i + STEP_CHUNK) });
  }
  for (const checkpoint of checkpoints) post({ type: 'checkpoint', id, checkpoint });
  post({ type: 'done', id, parts: rest, universe, families });
}

/** Runs `req`, every outcome (a refusal, the model's error) told through `post`. */
export function runLoad(req: LoadRequest, post: (m: LoadReply) => void): void {
  try {
    load(req, post);
  } catch (err) {
    if (err instanceof TooManySteps)
      post({ type: 'refused', id: req.id, maxSteps: err.maxSteps, op: err.op });
    else if (err instanceof ScenarioError)
      post({ type: 'error', id: req.id, message: err.message });
    else {
      const what = err instanceof Error ? err.message : String(err);
      post({
        type: 'error',
        id: req.id,
        message: `the model could not replay this scenario (${what})`,
      });
    }
  }
}
