// Which drawn objects the current step highlights: those it touched, and those named by a
// violation seen so far. Pure helpers over the trace, shared with the violation banner.
import type { Step, Violation } from '../../kernel';

interface HasViolations {
  violations: readonly Violation[];
}

const NONE: ReadonlySet<string> = new Set();

/** Ids named by every violation pinned at or before `cursor` (a step counts once taken). */
export function violationObjectsAt(trace: HasViolations, cursor: number): Set<string> {
  const ids = new Set<string>();
  for (const v of trace.violations) if (v.step <= cursor) for (const id of v.objects) ids.add(id);
  return ids;
}

/** Ids the step that led to `cursor` changed or read (none at cursor 0). */
export function touchedAt(trace: { steps: readonly Step[] }, cursor: number): ReadonlySet<string> {
  const step = cursor > 0 ? trace.steps[cursor - 1] : undefined;
  return step ? new Set(step.touched) : NONE;
}
