// Where the presenter keys stop: the last step of every narrated op, where what the op did is
// drawn (its first step is usually `down_read(mmap_sem)`, before anything the caption names
// exists), and every narrated step, so a clicker walks a tour caption by caption.
import type { Narration } from '../kernel/scenarioTypes';

/** Sorted, distinct cursors that show a narration entry, within 1..total. */
export function narratedStops(
  narration: readonly Narration[] | undefined,
  opStarts: readonly number[],
  total: number,
): number[] {
  const stops = new Set<number>();
  const pinned = (narration ?? []).flatMap((n) => ('step' in n ? [n.step] : []));
  for (const n of narration ?? []) {
    let at = 'step' in n ? n.step : opEnd(opStarts, n.op, total);
    if (at !== null && !('step' in n)) {
      // a step caption inside the op takes over from its step on (narrationAt): the op's caption
      // stops on the last step before it, or nowhere when it never shows
      const start = opStarts[n.op]!;
      for (const s of pinned) if (s > start && s <= at!) at = Math.min(at!, s - 1);
      if (at! <= start) at = null;
    }
    if (at !== null && at >= 1 && at <= total) stops.add(at);
  }
  return [...stops].sort((a, b) => a - b);
}

/** The cursor after the last step of op `op` (null: no such op, or it took no step). */
function opEnd(opStarts: readonly number[], op: number, total: number): number | null {
  const start = opStarts[op];
  if (start === undefined) return null;
  const end = opStarts[op + 1] ?? total;
  return end > start ? end : null;
}

/** The next stop after `cursor` (dir 1) or the last one before it (dir -1), or null. */
export function nextStop(stops: readonly number[], cursor: number, dir: 1 | -1): number | null {
  if (dir > 0) return stops.find((s) => s > cursor) ?? null;
  for (let i = stops.length - 1; i >= 0; i--) if (stops[i]! < cursor) return stops[i]!;
  return null;
}
