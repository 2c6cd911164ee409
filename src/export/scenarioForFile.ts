// The scenario to write to a file: with the era and flags the user picked written in, so the file
// replays on its own to what is shown. A file's own era replays its parallel schedules strictly
// (an override does not), so a race scheduled for one era may not replay as a file of another:
// then the file keeps the scenario's own era and flags, and says so.
import type { EraId, Flags } from '../kernel/flags';
import type { Scenario } from '../kernel/scenarioTypes';
import { scenarioAsReplayed } from '../session/current';
import { createSession } from '../session/session';

export function scenarioForFile(
  scenario: Scenario,
  eraOverride: EraId | null,
  flagsOverride: Partial<Flags>,
): { scenario: Scenario; note: string | null } {
  if (eraOverride === null && Object.keys(flagsOverride).length === 0)
    return { scenario, note: null };
  const written = scenarioAsReplayed(scenario, eraOverride, flagsOverride);
  const check = createSession('file', written, null);
  if (check.ok) return { scenario: written, note: null };
  return {
    scenario,
    note: `The file keeps the scenario's own era and flags: with the ones picked here written in, it does not replay (${check.error}).`,
  };
}
