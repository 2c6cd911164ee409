// One load, wherever it runs (the load worker; the main thread where there are no workers, in
// tests): replay bounded by `maxSteps`, checkpoints, the layout's universe and the metrics'
// family counts, then the results in small messages. The job stays to answer the page's
// requests for the state at a cursor (serveState), from its checkpoints.
import {
  checkpointsOf,
  chunkBuffers,
  familySizesAfterOps,
  replayFromParts,
  replayParts,
  ScenarioError,
  StepEncoder,
  TooManySteps,
} from '../../kernel';
import type { Replay, ReplayParts, StepChunk } from '../../kernel';
import type { FamilyCount } from '../../metrics/metrics';
import { compressScenario } from '../../codecs/urlCodec';
import { layoutData, matrixLayout } from '../layout/matrixLayout';
import { collectUniverse, sampleCursors } from '../layout/universe';
import type { Sample } from '../layout/universe';
import { toJson } from './loadProtocol';
import type { LoadProgress, LoadReply, LoadRequest, StateRequest } from './loadProtocol';
import { splitState, stateBuffers } from './stateParts';

export type Post = (m: LoadReply, transfer?: Transferable[]) => void;

/** Step records per message: reading one costs the page a few milliseconds. */
const STEP_CHUNK = 4000;
/** Layout samples per batch (one progress message each). */
const SAMPLE_BATCH = 10;
/**
 * Sampled objects the layout may read: a forest of n objects at its end gets about
 * LAYOUT_OBJECTS / n samples (600 at most; 2,000 states of a 1,000-process forest took 20 s).
 */
const LAYOUT_OBJECTS = 12_000_000;

/** The load whose states the page may ask for (one at a time: a new load replaces it). */
let served: { id: number; trace: Replay } | null = null;

const viewSize = (v: ReplayParts['finalView']): number =>
  v.anonVmas.length + v.pages.length + v.anonVmas.reduce((n, a) => n + a.tree.length, 0);

function load(req: LoadRequest, post: Post): void {
  const { id, scenario } = req;
  served = null;
  const progress = (p: LoadProgress) => post({ type: 'progress', id, progress: p });
  const opts = {
    ...(req.era === null ? {} : { era: req.era }),
    ...(Object.keys(req.flags).length > 0 ? { flags: req.flags } : {}),
    ...(req.interactive ? { interactive: true } : {}),
  };
  // the records are kept in columns as the replay goes (a few dozen bytes a step)
  const encoder = new StepEncoder();
  const chunks: StepChunk[] = [];
  let pending: ReplayParts['steps'] = [];
  const onSteps = (steps: ReplayParts['steps']) => {
    pending = pending.length === 0 ? steps : pending.concat(steps);
    while (pending.length >= STEP_CHUNK) {
      chunks.push(encoder.encode(pending.slice(0, STEP_CHUNK)));
      pending = pending.slice(STEP_CHUNK);
    }
  };
  const parts = replayParts(
    scenario,
    { ...opts, maxSteps: req.maxSteps, every: STEP_CHUNK, onSteps },
    (p) => progress({ phase: 'replay', done: p.steps, total: req.maxSteps, op: p.op, ops: p.ops }),
  );
  if (pending.length > 0) chunks.push(encoder.encode(pending));
  pending = [];
  const total = parts.taken;
  progress({ phase: 'checkpoints', done: 0, total });
  const checkpoints = checkpointsOf(scenario, opts, parts);
  const trace = replayFromParts(scenario, opts, parts, checkpoints);
  const budget = Math.max(
    12,
    Math.min(600, Math.floor(LAYOUT_OBJECTS / Math.max(1, viewSize(parts.finalView)))),
  );
  const cursors = sampleCursors(total, parts.opStarts, budget);
  const samples: Sample[] = [];
  for (let i = 0; i < cursors.length; i += SAMPLE_BATCH) {
    progress({ phase: 'layout', done: i, total: cursors.length });
    const batch = cursors.slice(i, i + SAMPLE_BATCH);
    const states = trace.statesAt(batch);
    batch.forEach((cursor, j) => samples.push({ cursor, state: states[j]! }));
  }
  const universe = collectUniverse(samples);
  samples.length = 0;
  const layout = layoutData(matrixLayout(universe));
  progress({ phase: 'metrics', done: 0, total: parts.opStarts.length });
  const families: FamilyCount[] = familySizesAfterOps(scenario, opts, parts).map((f, op) => ({
    step: parts.opStarts[op + 1] ?? total,
    op,
    ...f,
  }));
  let sent = 0;
  for (const chunk of chunks.splice(0)) {
    progress({ phase: 'sending', done: sent, total });
    sent += chunk.cpu.length;
    post({ type: 'steps', id, chunk }, chunkBuffers(chunk));
  }
  const { steps: _steps, finalView: _final, forest, ...rest } = parts;
  served = { id, trace };
  post({ type: 'universe', id, universe: toJson(universe) });
  post({ type: 'layout', id, layout: toJson(layout), link: compressScenario(scenario) });
  const forestBytes = new TextEncoder().encode(JSON.stringify(forest));
  post(
    {
      type: 'done',
      id,
      parts: rest,
      startView: trace.stateAt(0),
      forest: forestBytes,
      families,
    },
    [forestBytes.buffer],
  );
}

/** Runs `req`, every outcome (a refusal, the model's error) told through `post`. */
export function runLoad(req: LoadRequest, post: Post): void {
  try {
    load(req, post);
  } catch (err) {
    served = null;
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

/** The state the page asked for, from the checkpoint before it (nothing for an old load). */
export function serveState(req: StateRequest, post: Post): void {
  if (!served || served.id !== req.id) return;
  const view = served.trace.stateAt(req.cursor);
  const parts = splitState(view);
  post({ type: 'state', id: req.id, cursor: req.cursor, parts }, stateBuffers(parts));
}
