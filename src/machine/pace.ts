// Stepping by what changed in the picture, and the pace of play. A tour's micro-steps include many
// that change nothing drawn (a check that finds nothing to do, a chain entry allocated but not yet
// linked): → and play pass over them, landing where the graph changes, where a caption stops and
// where a violation is seen. Every micro-step stays reachable one by one (the machine's
// STEP_ONE / BACK_ONE, or stepping with `micro` on). Play dwells on the steps that change the
// drawing, passes the others quickly, and pauses at a caption long enough to read it.
import type { Narration } from '../kernel/scenarioTypes';
import { narrationAt } from '../narration/narrationAt';
import { nextMark, prevMark } from './marks';
import type { PlaybackMarks } from './marks';

/** Where a trace's drawing changes (session/drawnChanges.ts computes it from the view states). */
export interface TraceChanges {
  /** the cursors whose drawing differs from the cursor before, sorted */
  changes: readonly number[];
  /** those of them where only a lock changed hands */
  lockOnly: readonly number[];
}

/** Milliseconds a step that changes the drawing stays on screen while playing at 1×… */
export const DWELL_MS = 900;
/** …one where only a lock changed hands (mmap_sem taken and released around every fault)… */
export const LOCK_MS = 350;
/** …and one that changes nothing drawn. */
export const PASS_MS = 90;
/** A caption stop's pause at 1×: this much, plus READ_MS_PER_WORD for each word of the caption… */
export const STOP_BASE_MS = 1500;
export const READ_MS_PER_WORD = 110;
/** …within these bounds (a class reads a short caption aloud in 2–3 s, a long one in 8). */
export const STOP_MIN_MS = 2500;
export const STOP_MAX_MS = 8000;

/** How long play pauses on a caption of `text` at 1×. */
export function readingMs(text: string): number {
  const words = text.split(/\s+/).filter(Boolean).length;
  return Math.min(STOP_MAX_MS, Math.max(STOP_MIN_MS, STOP_BASE_MS + READ_MS_PER_WORD * words));
}

/**
 * Where → lands: the cursors where the drawing changes (`changes`, from the session layer), the
 * caption stops and the violations, sorted and distinct; null when the changes are not known
 * (every step lands then).
 */
export function landingsOf(
  changes: TraceChanges | null | undefined,
  marks: Pick<PlaybackMarks, 'stops' | 'violations'>,
): readonly number[] | null {
  if (!changes) return null;
  const all = [...changes.changes, ...marks.stops, ...marks.violations];
  return [...new Set(all)].sort((a, b) => a - b);
}

/** The caption stops' pauses at 1× (cursor → ms), from the captions that show there. */
export function stopDwells(
  stops: readonly number[],
  narration: readonly Narration[] | undefined,
  opStarts: readonly number[],
): Record<number, number> {
  const out: Record<number, number> = {};
  for (const s of stops) out[s] = readingMs(narrationAt(narration, opStarts, s) ?? '');
  return out;
}

/** The cursor → goes to from `cursor`: the next landing (or `hi` past the last one). */
export function nextLanding(
  landings: readonly number[] | null,
  cursor: number,
  hi: number,
): number {
  if (cursor >= hi) return hi;
  if (!landings) return cursor + 1;
  return Math.min(nextMark(landings, cursor) ?? hi, hi);
}

/**
 * The cursor ← goes to from `cursor`: the first step of the drawing before the one shown (the
 * drawing shown began at the last landing at or before the cursor), or `lo`.
 */
export function prevLanding(
  landings: readonly number[] | null,
  cursor: number,
  lo: number,
): number {
  if (cursor <= lo) return lo;
  if (!landings) return cursor - 1;
  const shownSince = prevMark(landings, cursor + 1) ?? lo;
  return Math.max(prevMark(landings, shownSince) ?? lo, lo);
}

export interface PaceInput {
  cursor: number;
  /** null: every step counts as a change */
  landings: readonly number[] | null;
  /** the landings where only a lock changed hands */
  lockOnly: readonly number[];
  dwells: Record<number, number>;
  /** every micro-step alike, at the base rate */
  micro: boolean;
  speed: number;
  /** the base rate's interval (a step per this many ms at 1×) */
  interval: number;
}

/** How long play stays on the cursor's step before the next, at the machine's speed. */
export function tickMs(p: PaceInput): number {
  // changes not known (a very long trace): every step alike, as with `micro`
  if (p.micro || !p.landings) return p.interval / p.speed;
  const stop = p.dwells[p.cursor];
  if (stop !== undefined) return stop / p.speed;
  if (!p.landings.includes(p.cursor)) return PASS_MS / p.speed;
  return (p.lockOnly.includes(p.cursor) ? LOCK_MS : DWELL_MS) / p.speed;
}
