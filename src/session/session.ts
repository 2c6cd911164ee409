// A session: one scenario replayed under one era, with flag overrides, optionally interactive.
// The trace is computed once here and then only read (STYLE.md 2); the page moves a cursor over it.
import { replay } from '../kernel';
import type { Replay } from '../kernel';
import type { EraId, Flags } from '../kernel/flags';
import { ScenarioError, type Scenario } from '../kernel/scenarioTypes';

export type Trace = Replay;

/** What a session replays besides the scenario: user overrides on top of the file. */
export interface SessionOptions {
  /** flags set by the user on top of the era (and the file's own flags) */
  flags?: Partial<Flags>;
  /** stop where a parallel block's schedule runs out, for the user to pick the next CPU */
  interactive?: boolean;
}

interface SessionBase {
  scenarioId: string;
  scenario: Scenario;
  era: EraId;
  flags: Partial<Flags>;
  interactive: boolean;
}

export type Session =
  (SessionBase & { ok: true; trace: Trace }) | (SessionBase & { ok: false; error: string });

/**
 * The sentence a reader sees. A scenario the model rejects says why in its own words; anything
 * else is a fault of ours, said as such, never as a bare class name ("ScenarioError: …").
 */
function message(err: unknown): string {
  if (err instanceof ScenarioError) return err.message;
  const what = err instanceof Error ? err.message : String(err);
  return `the model could not replay this scenario (${what})`;
}

/** Replays `scenario`; a scenario the model rejects gives a session with the error to show. */
export function createSession(
  scenarioId: string,
  scenario: Scenario,
  eraOverride: EraId | null,
  options: SessionOptions = {},
): Session {
  const era = eraOverride ?? scenario.era;
  const flags = options.flags ?? {};
  const interactive = options.interactive ?? false;
  const base: SessionBase = { scenarioId, scenario, era, flags, interactive };
  try {
    // Only overrides are passed: the kernel checks a file's schedule strictly under its own era.
    const trace = replay(scenario, {
      ...(eraOverride === null ? {} : { era: eraOverride }),
      ...(Object.keys(flags).length > 0 ? { flags } : {}),
      ...(interactive ? { interactive: true } : {}),
    });
    return { ...base, ok: true, trace };
  } catch (err) {
    return { ...base, ok: false, error: message(err) };
  }
}

/** The number of micro-steps a cursor can move over (0 for a failed session). */
export function sessionTotal(session: Session): number {
  return session.ok ? session.trace.steps.length : 0;
}

const cache = new Map<string, Session>();
const CACHE_SIZE = 16;
// Scenarios are immutable once made (edits make new objects), so each one is serialised once.
const contentKeys = new WeakMap<Scenario, string>();

function contentKey(scenario: Scenario): string {
  let key = contentKeys.get(scenario);
  if (key === undefined) {
    key = JSON.stringify(scenario);
    contentKeys.set(scenario, key);
  }
  return key;
}

/** The cache key: the scenario's content (not its identity), era, flags and mode. */
export function sessionKey(
  scenarioId: string,
  scenario: Scenario,
  eraOverride: EraId | null,
  options: SessionOptions = {},
): string {
  const flags = options.flags ?? {};
  const sortedFlags = Object.keys(flags)
    .sort()
    .map((k) => `${k}=${String(flags[k as keyof Flags])}`)
    .join(',');
  return [
    scenarioId,
    eraOverride ?? '',
    sortedFlags,
    options.interactive ? 'i' : '',
    contentKey(scenario),
  ].join('\u0000');
}

/** createSession with a small cache, so switching back and forth replays nothing twice. */
export function cachedSession(
  scenarioId: string,
  scenario: Scenario,
  eraOverride: EraId | null,
  options: SessionOptions = {},
): Session {
  const key = sessionKey(scenarioId, scenario, eraOverride, options);
  const hit = cache.get(key);
  if (hit) {
    // most recently used last, so the oldest entry is the one evicted
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const session = createSession(scenarioId, scenario, eraOverride, options);
  cache.set(key, session);
  if (cache.size > CACHE_SIZE) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  return session;
}
