// The features a reader opens later, each in a chunk of its own that loads when first shown
// (STYLE: the first screen carries the model, the graph and the playback bar only): the compare
// view, lecture mode's caption, the metrics charts, the explore panel and the builder. Each
// placeholder keeps its box's place, so nothing below it jumps when the chunk arrives.
import { lazy, Suspense } from 'react';
import type { ComponentProps } from 'react';

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

function Loading({ what, className }: { what: string; className?: string }) {
  return (
    <div className={`lazy-placeholder${className ? ` ${className}` : ''}`} role="status">
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

export function MetricsPanel(props: ComponentProps<typeof LazyMetricsPanel>) {
  return (
    <Suspense fallback={<Loading what="the metrics" className="panel is-metrics" />}>
      <LazyMetricsPanel {...props} />
    </Suspense>
  );
}

export function ExplorePanel(props: ComponentProps<typeof LazyExplorePanel>) {
  return (
    <Suspense fallback={<Loading what="explore" className="is-explore" />}>
      <LazyExplorePanel {...props} />
    </Suspense>
  );
}

export function BuilderSide(props: ComponentProps<typeof LazyBuilderSide>) {
  return (
    <Suspense fallback={<Loading what="the builder" className="panel is-builder" />}>
      <LazyBuilderSide {...props} />
    </Suspense>
  );
}
