// The playable range of an embed (`start`, `end`): pure helpers the embed hooks are wrappers of.
import type { EmbedOptions } from './linkState';

export interface StepRange {
  lo: number;
  hi: number;
}

/** The range inside [0, total]; the whole trace when the link gives none. */
export function rangeOf(options: EmbedOptions | undefined, total: number): StepRange {
  const hi = Math.min(options?.end ?? total, total);
  const lo = Math.min(options?.start ?? 0, hi);
  return { lo, hi };
}

export function clampToRange(step: number, r: StepRange): number {
  return Math.min(Math.max(step, r.lo), r.hi);
}

/** Where a play request starts: from the range's start when the cursor is at or past its end. */
export function playFrom(cursor: number, r: StepRange): number | null {
  return cursor >= r.hi ? r.lo : cursor < r.lo ? r.lo : null;
}
