// JSON files of what is shown: the final forest (Contract 2) and the state at the cursor (the
// page's own view of one step; not a contract, labelled as such). Scenario files have their own
// module (session/scenarioFile.ts).
import type { Replay } from '../kernel';

export const STEP_STATE_FORMAT = 'anon-vma-forest/step-state@1';

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
