// The code panel in a chunk of its own (our pseudo-code of every kernel function and its source
// links are most of its weight): it sits at the foot of the dock, so it mounts after the first
// paint, when it comes near the viewport or when the page is idle (page/painted.ts).
import { lazy, Suspense } from 'react';
import { useDeferredBox } from '../page/painted';
import type { TraceCodePanelProps } from './TraceCodePanel';

const TraceCodePanel = lazy(() =>
  import('./TraceCodePanel').then((m) => ({ default: m.TraceCodePanel })),
);

export function LazyCodePanel(props: TraceCodePanelProps) {
  const { ready, ref } = useDeferredBox(1);
  const loading = (
    <div ref={ref} className="lazy-placeholder is-code" role="status">
      Loading the code panel…
    </div>
  );
  return <Suspense fallback={loading}>{ready ? <TraceCodePanel {...props} /> : loading}</Suspense>;
}
