// Which drawing of the forest the graph pane shows (the AVC matrix or the pointer view, a toggle
// in the store), with what the current step changed and what the violations so far name.
import { lazy, Suspense, useMemo } from 'react';
import type { ViewState } from '../../kernel';
import type { Trace } from '../../session/session';
import { useAppStore } from '../../store';
import { ForestGraph } from './ForestGraph';
import type { MatrixLayout } from '../layout/matrixLayout';
import { pointerLayout } from '../pointer/pointerLayout';
import { touchedAt, violationObjectsAt } from './violations';

// The pointer view loads when first switched on (the matrix is the first screen's drawing).
const PointerGraph = lazy(() =>
  import('../pointer/PointerGraph').then((m) => ({ default: m.PointerGraph })),
);

export interface GraphDrawingProps {
  trace: Trace;
  cursor: number;
  view: ViewState;
  layout: MatrixLayout;
  emptyText?: string;
}

export function GraphDrawing({ trace, cursor, view, layout, emptyText }: GraphDrawingProps) {
  const graphView = useAppStore((s) => s.graphView);
  const changed = useMemo(() => touchedAt(trace, cursor), [trace, cursor]);
  // A new Set only when the violations in view change, so memoized objects keep their props.
  const violationKey = trace.violations.filter((v) => v.step <= cursor).length;
  const violated = useMemo(
    () => violationObjectsAt(trace, cursor),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- cursor matters only through the count
    [trace, violationKey],
  );
  return graphView === 'pointers' ? (
    <Suspense fallback={null}>
      <PointerGraph view={view} layout={layout} changed={changed} violated={violated} />
    </Suspense>
  ) : (
    <ForestGraph
      view={view}
      layout={layout}
      changed={changed}
      violated={violated}
      {...(emptyText === undefined ? {} : { emptyText })}
    />
  );
}

/** The size of what GraphDrawing draws, for the zoom pane. */
export function useGraphContent(view: ViewState, layout: MatrixLayout) {
  const graphView = useAppStore((s) => s.graphView);
  const pw = useMemo(
    () => (graphView === 'pointers' ? pointerLayout(view, layout, view.flags.avc) : null),
    [graphView, view, layout],
  );
  const width = pw ? pw.width : layout.width;
  const height = pw ? pw.height : layout.height;
  return useMemo(() => ({ width, height }), [width, height]);
}
