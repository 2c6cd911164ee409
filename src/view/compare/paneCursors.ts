// One cursor drives both panes of the compare view: the right pane shows the same op at the same
// offset (matchCursor), and the end of the left trace is the end of the right one, so "play to
// the end" shows both outcomes.
import { matchCursor } from '../../compare/diverge';

export interface PaneTrace {
  steps: { length: number };
  opStarts: readonly number[];
}

/** The cursor in `to` that shows the moment at cursor `at` in `from`. */
export function followCursor(at: number, from: PaneTrace, to: PaneTrace): number {
  const fromTotal = from.steps.length;
  const toTotal = to.steps.length;
  if (at >= fromTotal) return toTotal;
  return Math.min(toTotal, matchCursor(at, from.opStarts, to.opStarts, toTotal));
}

/** Where the divergence marker goes on a pane of `total` steps (null: no divergence). */
export function markerStep(divergence: number | null, total: number): number | null {
  if (divergence === null) return null;
  return Math.min(divergence, total);
}
