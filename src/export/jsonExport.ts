// JSON files of what is shown: the scenario (Contract 1), the final forest (Contract 2) and the
// state at the cursor (the page's own view of one step; not a contract, labelled as such).
import type { Replay } from '../kernel';
import { scenarioToJson } from '../kernel/scenario';
import type { Scenario } from '../kernel/scenarioTypes';

export const STEP_STATE_FORMAT = 'anon-vma-forest/step-state@1';

/** `My forest` → `my-forest`; never empty. */
export function slug(title: string): string {
  const s = title
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return s || 'scenario';
}

/** The scenario file, or why there is none (a scenario needs at least one op). */
export function scenarioFileText(
  scenario: Scenario,
): { ok: true; text: string } | { ok: false; why: string } {
  try {
    return { ok: true, text: scenarioToJson(scenario) };
  } catch (err) {
    return { ok: false, why: err instanceof Error ? err.message : String(err) };
  }
}

/** Contract 2: the forest at the end of the trace. */
export function forestText(trace: Pick<Replay, 'forest'>): string {
  return `${JSON.stringify(trace.forest(), null, 2)}\n`;
}

/** The objects at the cursor, as the page draws them, with the step that led there. */
export function stepStateText(trace: Pick<Replay, 'stateAt' | 'steps'>, cursor: number): string {
  const step = cursor > 0 ? trace.steps[cursor - 1] : undefined;
  const out = {
    format: STEP_STATE_FORMAT,
    step: cursor,
    steps: trace.steps.length,
    ...(step ? { lastStep: step } : {}),
    state: trace.stateAt(cursor),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
