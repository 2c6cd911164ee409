// The features a reader opens later, each in a chunk of its own that loads when first shown
// (the first screen carries the model, the graph and the playback bar only): the compare view,
// lecture mode's caption, the metrics charts, the explore panel and the builder. The boxes below
// the graph (metrics, explore, builder) mount after the first paint, when they come near the
// viewport or when the page is idle (painted.ts), so neither the first paint nor the seconds
// after it wait for them. Each placeholder keeps its box's place until it mounts.
import { lazy, Suspense } from 'react';
import type { ComponentProps, ReactNode, Ref } from 'react';
import { useDeferredBox } from './painted';

const LazyCompareView = lazy(() =>
  import('../compare/CompareView').then((m) => ({ default: m.CompareView })),
);
const LazyLecture = lazy(() => import('../lecture/Lecture').then((m) => ({ default: m.Lecture })));
const LazyMetricsPanel = lazy(() =>
  import('../metrics/MetricsPanel').then((m) => ({ default: m.MetricsPanel })),
);
const LazyExplorePanel = lazy(() =>
  import('../explore/ExplorePanel').then((m) => ({ default: m.ExplorePanel })),
);
const LazyBuilderSide = lazy(() =>
  import('../builder/BuilderSide').then((m) => ({ default: m.BuilderSide })),
);

function Loading({
  what,
  className,
  boxRef,
}: {
  what: string;
  className?: string;
  boxRef?: Ref<HTMLDivElement>;
}) {
  return (
    <div
      ref={boxRef}
      className={`lazy-placeholder${className ? ` ${className}` : ''}`}
      role="status"
    >
      {`Loading ${what}…`}
    </div>
  );
}

export function CompareView(props: ComponentProps<typeof LazyCompareView>) {
  return (
    <Suspense fallback={<Loading what="the compare view" className="is-pane" />}>
      <LazyCompareView {...props} />
    </Suspense>
  );
}

export function Lecture(props: ComponentProps<typeof LazyLecture>) {
  return (
    <Suspense fallback={null}>
      <LazyLecture {...props} />
    </Suspense>
  );
}

/** `children` once it may mount (painted.ts: near the viewport, or its turn when the page is
 * idle), the placeholder until then and while its chunk loads. */
function Deferred({
  turn,
  what,
  className,
  children,
}: {
  turn: number;
  what: string;
  className: string;
  children: ReactNode;
}) {
  const { ready, ref } = useDeferredBox(turn);
  const placeholder = <Loading what={what} className={className} boxRef={ref} />;
  return <Suspense fallback={placeholder}>{ready ? children : placeholder}</Suspense>;
}

export function MetricsPanel(props: ComponentProps<typeof LazyMetricsPanel>) {
  return (
    <Deferred turn={4} what="the metrics" className="panel is-metrics">
      <LazyMetricsPanel {...props} />
    </Deferred>
  );
}

export function ExplorePanel(props: ComponentProps<typeof LazyExplorePanel>) {
  return (
    <Deferred turn={2} what="explore" className="is-explore">
      <LazyExplorePanel {...props} />
    </Deferred>
  );
}

export function BuilderSide(props: ComponentProps<typeof LazyBuilderSide>) {
  return (
    <Deferred turn={3} what="the builder" className="panel is-builder">
      <LazyBuilderSide {...props} />
    </Deferred>
  );
}
