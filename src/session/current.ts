// Which scenario is open and how it is replayed, from the store's session fields. Pure, so the
// store can try an edit before committing it and the page derives the same session from it.
import { pinSchedules } from '../kernel/pinSchedules';
import type { EraId, Flags } from '../kernel/flags';
import { resolveFlags } from '../kernel/flags';
import type { Scenario } from '../kernel/scenarioTypes';
import { findScenario } from './catalog';
import { createSession } from './session';
import type { Session } from './session';
import { traceFor } from './traces';

/** The scenario id of a scenario the user built or edited (not a built-in). */
export const CUSTOM_ID = 'custom';

export interface SessionInputs {
  /** id of a built-in scenario; null: the first one. Ignored while `custom` is set. */
  scenarioId: string | null;
  /** the user's own scenario (new, edited or loaded), or null for a built-in */
  custom: Scenario | null;
  /** era picked by the user; null: the scenario's own era */
  eraOverride: EraId | null;
  /** flags the user set on top of the era and the file's flags */
  flagsOverride: Partial<Flags>;
  interactive: boolean;
}

export function currentScenario(
  inputs: Pick<SessionInputs, 'scenarioId' | 'custom'>,
): { id: string; scenario: Scenario } | null {
  if (inputs.custom) return { id: CUSTOM_ID, scenario: inputs.custom };
  const entry = findScenario(inputs.scenarioId);
  return entry ? { id: entry.id, scenario: entry.scenario } : null;
}

/** The replayed session for these inputs (its trace cached); null when there is no scenario. */
export function sessionOf(inputs: SessionInputs): Session | null {
  const current = currentScenario(inputs);
  if (!current) return null;
  return createSession(current.id, current.scenario, inputs.eraOverride, {
    flags: inputs.flagsOverride,
    interactive: inputs.interactive,
  });
}

/** The era the session runs under. */
export function effectiveEra(scenario: Scenario, eraOverride: EraId | null): EraId {
  return eraOverride ?? scenario.era;
}

/** The flags before the user's overrides: the era's preset plus the file's own flags. */
export function baseFlags(scenario: Scenario, eraOverride: EraId | null): Flags {
  return resolveFlags(effectiveEra(scenario, eraOverride), scenario.flags ?? {});
}

/**
 * The scenario as it is replayed, as a file: the picked era and every flag override written in,
 * so a saved file replays to the same trace on its own.
 */
export function scenarioAsReplayed(
  scenario: Scenario,
  eraOverride: EraId | null,
  flagsOverride: Partial<Flags>,
): Scenario {
  const flags = { ...(scenario.flags ?? {}), ...flagsOverride };
  const { flags: _old, ...rest } = scenario;
  const era = effectiveEra(scenario, eraOverride);
  const written: Scenario = { ...rest, era, ...(Object.keys(flags).length > 0 ? { flags } : {}) };
  if (!scenario.ops.some((op) => op.op === 'parallel')) return written;
  // A schedule is strict under the file's own era: write the CPUs this replay actually ran.
  const shown = traceFor({ scenario, era: eraOverride, flags: flagsOverride });
  return shown.ok ? pinSchedules(written, shown.trace.schedules) : written;
}
