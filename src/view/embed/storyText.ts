// What an embed says about the step shown (pure): the caption, and the step's one line.
import type { Scenario, Step } from '../../kernel';
import { narrationAt } from '../../narration/narrationAt';
import { opLabel } from '../timeline/opLabel';

/** The caption at `cursor`: the narration there, else the scenario's description (so the frame
 * always says what it shows), else null. */
export function captionAt(
  scenario: Scenario,
  opStarts: readonly number[],
  cursor: number,
): string | null {
  return narrationAt(scenario.narration, opStarts, cursor) ?? scenario.description ?? null;
}

/** `Step 12 / 57 · cpu1 · op 3: fork P→C — text of the step`, one line of plain text. */
export function stepLine(
  scenario: Scenario,
  steps: readonly Step[],
  cursor: number,
): { where: string; what: string } {
  const total = steps.length;
  const step = steps[cursor - 1];
  if (step === undefined)
    return {
      where: `Step 0 / ${total}`,
      what: total === 0 ? 'Nothing to replay.' : 'The initial state, before the first op.',
    };
  return {
    where: `Step ${cursor} / ${total} · cpu${step.cpu} · op ${step.op}: ${opLabel(scenario.ops[step.op])}`,
    what: step.text,
  };
}
