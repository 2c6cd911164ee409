// A session: one scenario replayed under one era. The trace is computed once here and then only
// read (STYLE.md 2); the page moves a cursor over it.
import { replay } from '../kernel';
import type { EraId } from '../kernel/flags';
import type { Scenario } from '../kernel/scenarioTypes';
import type { ReplayResult } from '../kernel/trace';
import type { ViewState } from '../kernel/view';

export type Trace = ReplayResult<unknown, ViewState>;

export type Session =
  | { ok: true; scenarioId: string; scenario: Scenario; era: EraId; trace: Trace }
  | { ok: false; scenarioId: string; scenario: Scenario; era: EraId; error: string };

function message(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}

/** Replays `scenario`; a scenario the model rejects gives a session with the error to show. */
export function createSession(
  scenarioId: string,
  scenario: Scenario,
  eraOverride: EraId | null,
): Session {
  const era = eraOverride ?? scenario.era;
  try {
    // Only an override is passed: the kernel checks a file's schedule strictly under its own era.
    const trace = replay(scenario, eraOverride === null ? {} : { era: eraOverride });
    return { ok: true, scenarioId, scenario, era, trace };
  } catch (err) {
    return { ok: false, scenarioId, scenario, era, error: message(err) };
  }
}

/** The number of micro-steps a cursor can move over (0 for a failed session). */
export function sessionTotal(session: Session): number {
  return session.ok ? session.trace.steps.length : 0;
}

const cache = new Map<string, Session>();
const CACHE_SIZE = 16;

/** createSession with a small cache, so switching back and forth replays nothing twice. */
export function cachedSession(
  scenarioId: string,
  scenario: Scenario,
  eraOverride: EraId | null,
): Session {
  const key = `${scenarioId}\u0000${eraOverride ?? scenario.era}`;
  const hit = cache.get(key);
  if (hit && hit.scenario === scenario) return hit;
  const session = createSession(scenarioId, scenario, eraOverride);
  cache.set(key, session);
  if (cache.size > CACHE_SIZE) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  return session;
}
