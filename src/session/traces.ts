// The trace service: the one place the page replays the model. Every caller (the open session,
// the compare view's right pane, the metrics' other eras, a file written with the picked era,
// the builder's save) asks here, and one cache serves them all: keyed by the scenario's content
// (not its identity), the era asked for, the flag overrides and the mode, least recently used
// first out. Scenarios are immutable (edits make new objects), so each is serialised once.
import { replay, ScenarioError } from '../kernel';
import type { EraId, Flags, Replay, Scenario } from '../kernel';
import { isBigScenario } from './bigScenario';

export type Trace = Replay;

/** What to replay: a scenario and what the user put on top of it. */
export interface TraceRequest {
  scenario: Scenario;
  /**
   * An era picked by the user, or null for the file's own. Under its own era a file's schedules
   * are followed strictly; under a picked one (even the same), leniently.
   */
  era: EraId | null;
  /** flags set on top of the era and the file's own flags */
  flags?: Partial<Flags>;
  /** stop where a parallel block's schedule runs out, for the user to pick the next CPU */
  interactive?: boolean;
}

/** A trace, or the model's reason for refusing the scenario. */
export type TraceResult = { ok: true; trace: Trace } | { ok: false; error: string };

/** How many replays are kept: the open session, its compare pane and the metrics' other eras
 * (five), for a few scenarios visited back and forth. */
export const TRACE_CACHE_SIZE = 24;

const cache = new Map<string, TraceResult>();
const contentKeys = new WeakMap<Scenario, string>();

function contentKey(scenario: Scenario): string {
  let key = contentKeys.get(scenario);
  if (key === undefined) {
    key = JSON.stringify(scenario);
    contentKeys.set(scenario, key);
  }
  return key;
}

/** The cache key: content, era, flags (in name order) and mode. */
export function traceKey(req: TraceRequest): string {
  const flags = req.flags ?? {};
  const sortedFlags = (Object.keys(flags) as (keyof Flags)[])
    .filter((k) => flags[k] !== undefined)
    .sort()
    .map((k) => `${k}=${String(flags[k])}`)
    .join(',');
  return [req.era ?? '', sortedFlags, req.interactive ? 'i' : '', contentKey(req.scenario)].join(
    '\u0000',
  );
}

/**
 * The sentence a reader sees. A scenario the model rejects says why in its own words; anything
 * else is a fault of ours, said as such, never as a bare class name ("ScenarioError: …").
 */
function message(err: unknown): string {
  if (err instanceof ScenarioError) return err.message;
  const what = err instanceof Error ? err.message : String(err);
  return `the model could not replay this scenario (${what})`;
}

/** Replays without the cache (the service's own work; tests). */
export function replayRequest(req: TraceRequest): TraceResult {
  const flags = req.flags ?? {};
  try {
    // Only overrides are passed: the kernel checks a file's schedule strictly under its own era.
    const trace = replay(req.scenario, {
      ...(req.era === null ? {} : { era: req.era }),
      ...(Object.keys(flags).length > 0 ? { flags } : {}),
      ...(req.interactive ? { interactive: true } : {}),
    });
    return { ok: true, trace };
  } catch (err) {
    return { ok: false, error: message(err) };
  }
}

/**
 * Whether `req` must be replayed in the load worker: a big scenario whose trace is not at hand
 * (traceFor would stop the page for seconds replaying it here).
 */
export function needsWorker(req: TraceRequest): boolean {
  return isBigScenario(req.scenario) && !cache.has(traceKey(req));
}

/** The trace for `req`: replayed once, then served from the cache. */
export function traceFor(req: TraceRequest): TraceResult {
  const key = traceKey(req);
  const hit = cache.get(key);
  if (hit) {
    // most recently used last, so the oldest entry is the one evicted
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const result = replayRequest(req);
  cache.set(key, result);
  if (cache.size > TRACE_CACHE_SIZE) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  return result;
}

/** The trace, or null when the model refuses the scenario. */
export function traceOrNull(req: TraceRequest): Trace | null {
  const r = traceFor(req);
  return r.ok ? r.trace : null;
}

/**
 * Puts a trace replayed elsewhere (the page's load worker) in the cache under `req`, so the
 * session that opens it next finds it there instead of replaying on the main thread.
 */
export function primeTrace(req: TraceRequest, trace: Trace): void {
  const key = traceKey(req);
  cache.delete(key);
  cache.set(key, { ok: true, trace });
  if (cache.size > TRACE_CACHE_SIZE) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
}
