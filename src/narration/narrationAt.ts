// Which narration applies at a cursor: a `{step: N}` entry holds from step N to the end of the op
// that step belongs to (or to the next step entry), and otherwise the `{op: I}` entry of the op
// the cursor is in (from the first step of the op to its last).
import type { Narration } from '../kernel/scenarioTypes';

export function opAt(opStarts: readonly number[], cursor: number): number {
  // cursor counts steps taken: step `cursor` (1-based) belongs to the last op starting before it
  let op = -1;
  for (let i = 0; i < opStarts.length; i++) if (opStarts[i]! < cursor) op = i;
  return op;
}

export function narrationAt(
  narration: readonly Narration[] | undefined,
  opStarts: readonly number[],
  cursor: number,
): string | null {
  if (!narration || narration.length === 0) return null;
  const op = opAt(opStarts, cursor);
  let step: { step: number; text: string } | null = null;
  for (const n of narration) {
    if (!('step' in n) || n.step > cursor || opAt(opStarts, n.step) !== op) continue;
    if (step === null || n.step >= step.step) step = n;
  }
  if (step) return step.text;
  const byOp = narration.find((n) => 'op' in n && n.op === op);
  return byOp ? byOp.text : null;
}
