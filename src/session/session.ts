// A session: one scenario replayed under one era, with flag overrides, optionally interactive.
// The trace comes from the trace service (traces.ts) and is then only read (STYLE.md 2); the page
// moves a cursor over it.
import type { EraId, Flags, Scenario } from '../kernel';
import { traceFor } from './traces';
import type { Trace } from './traces';

export type { Trace } from './traces';

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

/** `scenario` replayed (through the trace service); a scenario the model rejects gives a
 * session with the error to show. */
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
  const r = traceFor({ scenario, era: eraOverride, flags, interactive });
  return r.ok ? { ...base, ok: true, trace: r.trace } : { ...base, ok: false, error: r.error };
}

/** The number of micro-steps a cursor can move over (0 for a failed session). */
export function sessionTotal(session: Session): number {
  return session.ok ? session.trace.steps.length : 0;
}
