// Cursor positions worth jumping to (operation starts, violations, lock acquisitions, narrated
// stops) and the pure helpers the playback machine's jump events are one-line wrappers around.
import { isAnonVmaId } from '../kernel/ids';
import type { Narration } from '../kernel/scenarioTypes';
import { narratedStops } from './stops';

/** Sorted, de-duplicated cursor positions (1..total) of the four kinds of marker. */
export interface PlaybackMarks {
  ops: readonly number[];
  violations: readonly number[];
  locks: readonly number[];
  /** where the presenter keys stop: the first step shown by each caption (lecture mode) */
  stops: readonly number[];
}

export const NO_MARKS: PlaybackMarks = { ops: [], violations: [], locks: [], stops: [] };

/** The part of a trace the marks come from (a kernel `ReplayResult` fits). */
export interface MarkSource {
  steps: readonly { lock?: { kind: string; owner: string } | undefined }[];
  opStarts: readonly number[];
  violations: readonly { step: number }[];
}

/**
 * Lock acquisitions worth a marker: anon_vma locks (`av3`). mmap_sem / mmap_lock, per-VMA and page
 * locks are taken by nearly every op and would bury them.
 */
export const isAnonVmaLock = (owner: string): boolean => isAnonVmaId(owner);

function sortedUnique(list: Iterable<number>): number[] {
  return [...new Set(list)].sort((a, b) => a - b);
}

/**
 * The cursor position showing the first micro-step of each operation: `opStarts[i] + 1`, so the
 * step log names the op's own kernel function. Ops that took no step are left out.
 */
export function opMarks(opStarts: readonly number[], total: number): number[] {
  const out: number[] = [];
  opStarts.forEach((start, i) => {
    const end = opStarts[i + 1] ?? total;
    if (end > start) out.push(start + 1);
  });
  return sortedUnique(out);
}

const primedLocks = new WeakMap<MarkSource, readonly number[]>();

/**
 * A big trace's lock marks, taken as its steps arrived (sorted, one per step), so loading it
 * does not read a million steps again in one task.
 */
export function primeLockMarks(trace: MarkSource, locks: readonly number[]): void {
  primedLocks.set(trace, locks);
}

function lockMarks(trace: MarkSource): readonly number[] {
  const hit = primedLocks.get(trace);
  if (hit) return hit;
  const locks: number[] = [];
  trace.steps.forEach((s, i) => {
    if (s.lock?.kind === 'acquire' && isAnonVmaLock(s.lock.owner)) locks.push(i + 1);
  });
  return locks;
}

export function traceMarks(trace: MarkSource, narration?: readonly Narration[]): PlaybackMarks {
  const total = trace.steps.length;
  const locks = lockMarks(trace);
  return {
    ops: opMarks(trace.opStarts, total),
    violations: sortedUnique(trace.violations.map((v) => v.step).filter((s) => s <= total)),
    locks,
    stops: narratedStops(narration, trace.opStarts, total),
  };
}

/** The first mark after `cursor`, or null. `marks` is sorted. */
export function nextMark(marks: readonly number[], cursor: number): number | null {
  for (const m of marks) if (m > cursor) return m;
  return null;
}

/** The last mark before `cursor`, or null. `marks` is sorted. */
export function prevMark(marks: readonly number[], cursor: number): number | null {
  for (let i = marks.length - 1; i >= 0; i--) {
    const m = marks[i]!;
    if (m < cursor) return m;
  }
  return null;
}

/** Playback speeds, as multiples of the base rate. */
export const SPEEDS = [0.25, 0.5, 1, 2, 4, 8] as const;
export const DEFAULT_SPEED = 1;

/** The nearest listed speed to `to`. */
export function snapSpeed(to: number): number {
  if (!Number.isFinite(to)) return DEFAULT_SPEED;
  let best: number = SPEEDS[0];
  for (const s of SPEEDS) if (Math.abs(s - to) < Math.abs(best - to)) best = s;
  return best;
}

/** The speed `by` notches from `speed` (clamped to the list). */
export function shiftSpeed(speed: number, by: number): number {
  const i = SPEEDS.indexOf(snapSpeed(speed) as (typeof SPEEDS)[number]);
  const j = Math.min(Math.max(i + Math.trunc(by), 0), SPEEDS.length - 1);
  return SPEEDS[j]!;
}
