// Scenario files, both ways, for every place that opens or saves one (the builder's buttons, the
// share menu, a file dropped on the page): the file's name, the size limit, reading and
// validating (Contract 1), and what is written: the scenario with the era and flags the user
// picked, or, when a file under those would not replay (a schedule is strict under a file's own
// era), the scenario as it is with a note saying so. Pure: the DOM download is the caller's.
import { MAX_SCENARIO_CHARS, parseScenario, scenarioToJson } from '../kernel';
import type { EraId, Flags, Scenario } from '../kernel';
import { scenarioAsReplayed } from './current';
import { traceFor } from './traces';

/** The largest scenario file opened, in characters (2 MB, as a postMessage `load`). */
export const MAX_SCENARIO_FILE_CHARS = MAX_SCENARIO_CHARS;

/** `My forest` → `my-forest`; never empty. */
export function slug(title: string): string {
  const s = title
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return s || 'scenario';
}

/** `My forest` → `my-forest.json`. */
export const scenarioFileName = (title: string): string => `${slug(title)}.json`;

/** A file's name as a message quotes it (long names cut). */
export function quotedName(name: string): string {
  return JSON.stringify(name.length > 60 ? `${name.slice(0, 60)}…` : name);
}

const sentence = (s: string): string => (/[.!?]$/.test(s) ? s : `${s}.`);

/** The scenario in `text`, or why not (the validator's words). */
export function readScenarioText(
  text: string,
): { ok: true; scenario: Scenario } | { ok: false; error: string } {
  try {
    return { ok: true, scenario: parseScenario(text) };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

/** Reads and validates a file; a refusal names the file and the reason, as a sentence. */
export async function readScenarioFile(
  file: Pick<Blob, 'size' | 'text'> & { name: string },
): Promise<{ ok: true; scenario: Scenario } | { ok: false; error: string }> {
  const fail = (why: string) => ({
    ok: false as const,
    error: `${quotedName(file.name)} was not opened: ${sentence(why)}`,
  });
  if (file.size > MAX_SCENARIO_FILE_CHARS) return fail('the file is larger than 2 MB');
  let text: string;
  try {
    text = await file.text();
  } catch {
    return fail('the file cannot be read');
  }
  const read = readScenarioText(text);
  return read.ok ? read : fail(read.error);
}

/** A scenario to save: its text and file name, and a note when the picked era was not written. */
export type ScenarioFile =
  { ok: true; text: string; name: string; note: string | null } | { ok: false; error: string };

/**
 * The file for `scenario` as it is replayed: the picked era and flags written in (schedules
 * pinned to the CPUs this replay ran), so it replays to what is shown on its own; the scenario
 * as it is, with a note, when that file would not replay.
 */
export function scenarioFileFor(
  scenario: Scenario,
  eraOverride: EraId | null,
  flagsOverride: Partial<Flags>,
): ScenarioFile {
  if (scenario.ops.length === 0)
    return { ok: false, error: 'add an op first: a scenario needs at least one' };
  let written = scenario;
  let note: string | null = null;
  if (eraOverride !== null || Object.keys(flagsOverride).length > 0) {
    const candidate = scenarioAsReplayed(scenario, eraOverride, flagsOverride);
    const check = traceFor({ scenario: candidate, era: null });
    if (check.ok) written = candidate;
    else
      note = `The file keeps the scenario's own era and flags: with the ones picked here written in, it does not replay (${check.error}).`;
  }
  try {
    return {
      ok: true,
      text: scenarioToJson(written),
      name: scenarioFileName(scenario.title),
      note,
    };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}
