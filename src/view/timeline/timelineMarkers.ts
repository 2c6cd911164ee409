// What the timeline marks, computed once per trace (pure): where each operation starts, each lock
// acquisition (by which CPU), each violation; and the scale from steps to pixels.
import { linearScale } from '../layout/scales';
import type { LinearScale } from '../layout/scales';
import type { ScenarioOp, Step, Violation } from '../../kernel';
import { isAnonVmaLock, opMarks } from '../../machine/marks';
import { opLabel } from './opLabel';

export interface OpMarker {
  /** cursor position showing the op's first step */
  pos: number;
  op: number;
  name: string;
  label: string;
}
export interface LockMarker {
  pos: number;
  cpu: number;
  owner: string;
  mode: 'w' | 'r';
}
export interface ViolationMarker {
  pos: number;
  kind: string;
  message: string;
}
export interface TimelineMarkers {
  total: number;
  ops: OpMarker[];
  locks: LockMarker[];
  violations: ViolationMarker[];
}

export interface MarkerSource {
  steps: readonly Step[];
  opStarts: readonly number[];
  violations: readonly Violation[];
}

/** The lock mark of the step shown at `pos` (an anon_vma lock taken), or null. */
export function lockMarkerOf(s: Step, pos: number): LockMarker | null {
  return s.lock?.kind === 'acquire' && isAnonVmaLock(s.lock.owner)
    ? { pos, cpu: s.cpu, owner: s.lock.owner, mode: s.lock.mode }
    : null;
}

export function timelineMarkers(trace: MarkerSource, ops: readonly ScenarioOp[]): TimelineMarkers {
  const locks: LockMarker[] = [];
  trace.steps.forEach((s, i) => {
    const m = lockMarkerOf(s, i + 1);
    if (m) locks.push(m);
  });
  return markersWithLocks(trace, ops, locks);
}

/** The markers, with the lock marks already taken (as a big trace's steps arrived). */
export function markersWithLocks(
  trace: MarkerSource,
  ops: readonly ScenarioOp[],
  locks: LockMarker[],
): TimelineMarkers {
  const total = trace.steps.length;
  const positions = new Set(opMarks(trace.opStarts, total));
  const opList: OpMarker[] = [];
  trace.opStarts.forEach((start, i) => {
    if (!positions.has(start + 1)) return;
    const op = ops[i];
    opList.push({ pos: start + 1, op: i, name: op?.op ?? '?', label: `op ${i}: ${opLabel(op)}` });
  });
  const violations = trace.violations
    .filter((v) => v.step <= total)
    .map((v) => ({ pos: v.step, kind: v.kind, message: v.message }));
  return { total, ops: opList, locks, violations };
}

const primed = new WeakMap<MarkerSource, TimelineMarkers>();

/** Markers taken elsewhere (a big trace's, as its steps came from the load worker). */
export function primeMarkers(trace: MarkerSource, markers: TimelineMarkers): void {
  primed.set(trace, markers);
}

/** The trace's markers: the primed ones when there are, else read from its steps. */
export function markersOf(trace: MarkerSource, ops: readonly ScenarioOp[]): TimelineMarkers {
  return primed.get(trace) ?? timelineMarkers(trace, ops);
}

/** The op whose steps include the step shown at `cursor` (the last op begun by then). */
export function opAt(markers: TimelineMarkers, cursor: number): OpMarker | null {
  let found: OpMarker | null = null;
  for (const m of markers.ops) if (m.pos <= cursor) found = m;
  return found;
}

/** Side padding, so the end markers and the cursor handle are not cut off. */
export const TIMELINE_PAD = 10;

export type StepScale = LinearScale;

export function stepScale(total: number, width: number): StepScale {
  return linearScale(
    [0, Math.max(total, 1)],
    [TIMELINE_PAD, Math.max(width - TIMELINE_PAD, TIMELINE_PAD + 1)],
  );
}

/** The step under pixel `x`, rounded and clamped to the trace. */
export function stepAtX(scale: StepScale, x: number, total: number): number {
  const s = Math.round(scale.invert(x));
  return Math.min(Math.max(s, 0), total);
}

/** Op names to print above their markers, leaving out those that would overlap the previous. */
export function visibleOpLabels(
  ops: readonly OpMarker[],
  scale: StepScale,
  charWidth = 6.5,
): OpMarker[] {
  const out: OpMarker[] = [];
  let freeFrom = Number.NEGATIVE_INFINITY;
  const [, right] = scale.range();
  for (const m of ops) {
    const x = scale(m.pos);
    const w = m.name.length * charWidth;
    if (x >= freeFrom && x + w <= right + TIMELINE_PAD) {
      out.push(m);
      freeFrom = x + w + 6;
    }
  }
  return out;
}

/** Past this many marks of a kind, the timeline draws at most one per MIN_MARK_GAP pixels. */
export const MAX_MARKS = 400;
export const MIN_MARK_GAP = 3;

/**
 * The marks to draw: all of them for an ordinary trace; for a huge one (a 2,003-op scenario has
 * thousands of op and lock ticks, more than the track has pixels) the first of each few pixels,
 * so the track stays readable and drawing it stays cheap.
 */
export function thinned<T extends { pos: number }>(
  marks: readonly T[],
  scale: StepScale,
): readonly T[] {
  if (marks.length <= MAX_MARKS) return marks;
  const out: T[] = [];
  let last = -Infinity;
  for (const m of marks) {
    const x = scale(m.pos);
    if (x - last < MIN_MARK_GAP) continue;
    out.push(m);
    last = x;
  }
  return out;
}
