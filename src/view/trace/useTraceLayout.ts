// The matrix layout of a whole trace, computed once per trace (STYLE.md 8). A state holding an
// object that the sampled states missed (one that lives only inside an op) gets a layout that
// adds it to the trace's, so nothing already placed moves.
import { useMemo } from 'react';
import type { ViewState } from '../../kernel';
import type { Trace } from '../../session/session';
import { matrixLayout, withPageX } from '../layout/matrixLayout';
import type { LayoutData, MatrixLayout } from '../layout/matrixLayout';
import { collectUniverse, covers, sampleCursors } from '../layout/universe';
import type { Universe } from '../layout/universe';

export function useTraceLayout(trace: Trace, cursor: number, view: ViewState): MatrixLayout {
  const base = useMemo(() => traceLayout(trace), [trace]);
  return useMemo(
    () =>
      covers(base.universe, view)
        ? base.layout
        : matrixLayout(collectUniverse([{ cursor, state: view }], base.universe)),
    [base, cursor, view],
  );
}

/** Universes made elsewhere (the load worker sampled a big trace off the main thread). */
const primed = new WeakMap<Trace, { universe: Universe; layout: MatrixLayout | null }>();

/** The universe the load worker sampled, with the layout it made of it when there is one. */
export function primeUniverse(trace: Trace, universe: Universe, layout?: LayoutData): void {
  primed.set(trace, { universe, layout: layout ? withPageX(layout, universe) : null });
}

/** Layouts made of sampled states, kept with their trace: the page makes the first one before
 * React renders (start.tsx), in a task of its own. */
const laid = new WeakMap<Trace, { universe: Universe; layout: MatrixLayout }>();

export function traceLayout(trace: Trace): { universe: Universe; layout: MatrixLayout } {
  const made = primed.get(trace);
  if (made) return { universe: made.universe, layout: made.layout ?? matrixLayout(made.universe) };
  const kept = laid.get(trace);
  if (kept) return kept;
  const cursors = sampleCursors(trace.steps.length, trace.opStarts);
  const states = trace.statesAt(cursors);
  const universe = collectUniverse(cursors.map((n, i) => ({ cursor: n, state: states[i]! })));
  const out = { universe, layout: matrixLayout(universe) };
  laid.set(trace, out);
  return out;
}
