// The code panel in a chunk of its own (our pseudo-code of every kernel function and its source
// links are most of its weight): it sits below the graph, so it loads after the first screen.
import { lazy, Suspense } from 'react';
import type { TraceCodePanelProps } from './TraceCodePanel';

const TraceCodePanel = lazy(() =>
  import('./TraceCodePanel').then((m) => ({ default: m.TraceCodePanel })),
);

export function LazyCodePanel(props: TraceCodePanelProps) {
  return (
    <Suspense
      fallback={
        <div className="lazy-placeholder is-code" role="status">
          Loading the code panel…
        </div>
      }
    >
      <TraceCodePanel {...props} />
    </Suspense>
  );
}
