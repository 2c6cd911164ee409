// Where the presenter keys stop: the first step of every narrated op (and every narrated step),
// so a clicker walks a tour caption by caption.
import type { Narration } from '../kernel/scenarioTypes';

/** Sorted, distinct cursors that show a narration entry, within 1..total. */
export function narratedStops(
  narration: readonly Narration[] | undefined,
  opStarts: readonly number[],
  total: number,
): number[] {
  const stops = new Set<number>();
  for (const n of narration ?? []) {
    const at = 'step' in n ? n.step : opStarts[n.op] === undefined ? null : opStarts[n.op]! + 1;
    if (at !== null && at >= 1 && at <= total) stops.add(at);
  }
  return [...stops].sort((a, b) => a - b);
}

/** The next stop after `cursor` (dir 1) or the last one before it (dir -1), or null. */
export function nextStop(stops: readonly number[], cursor: number, dir: 1 | -1): number | null {
  if (dir > 0) return stops.find((s) => s > cursor) ?? null;
  for (let i = stops.length - 1; i >= 0; i--) if (stops[i]! < cursor) return stops[i]!;
  return null;
}
