// Where two traces of one scenario (under two flag sets) part ways: the first micro-step whose
// CPU, function, line or text differ. Compare view marks it on both timelines.
import type { Step } from '../kernel/trace';

const same = (a: Step, b: Step): boolean =>
  a.cpu === b.cpu && a.fn === b.fn && a.line === b.line && a.text === b.text;

/** 1-based step number of the first difference, or null when the traces are identical. */
export function firstDivergence(a: readonly Step[], b: readonly Step[]): number | null {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (!same(a[i]!, b[i]!)) return i + 1;
  return a.length === b.length ? null : n + 1;
}

/** The cursor in trace b that shows the same moment as cursor `at` in trace a: same op, same
 *  offset into it (clamped), so scrubbing one side moves the other to the matching place. */
export function matchCursor(
  at: number,
  aStarts: readonly number[],
  bStarts: readonly number[],
  bTotal: number,
): number {
  let op = -1;
  for (let i = 0; i < aStarts.length; i++) if (aStarts[i]! < at) op = i;
  if (op < 0) return 0;
  const offset = at - aStarts[op]!;
  const bStart = bStarts[op];
  if (bStart === undefined) return bTotal;
  const bEnd = bStarts[op + 1] ?? bTotal;
  return Math.min(bStart + offset, bEnd);
}
