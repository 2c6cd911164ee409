// The code panel in a chunk of its own (our pseudo-code of every kernel function and its source
// links are most of its weight): it sits below the graph, so it loads once the page has painted.
import { lazy, Suspense } from 'react';
import { usePainted } from '../page/painted';
import type { TraceCodePanelProps } from './TraceCodePanel';

const TraceCodePanel = lazy(() =>
  import('./TraceCodePanel').then((m) => ({ default: m.TraceCodePanel })),
);

const loading = (
  <div className="lazy-placeholder is-code" role="status">
    Loading the code panel…
  </div>
);

export function LazyCodePanel(props: TraceCodePanelProps) {
  const painted = usePainted();
  return (
    <Suspense fallback={loading}>{painted ? <TraceCodePanel {...props} /> : loading}</Suspense>
  );
}
