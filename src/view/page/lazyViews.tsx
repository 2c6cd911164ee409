// The features a reader opens later, each in a chunk of its own that loads when first shown
// (the first screen carries the model, the graph and the playback bar only): the compare view,
// lecture mode's caption, the metrics charts, the explore panel and the builder. The boxes below
// the graph (metrics, explore, builder) start loading once the page has painted, so the first
// paint never waits for them. Each placeholder keeps its box's place while its chunk loads.
import { lazy, Suspense } from 'react';
import type { ComponentProps, ReactNode } from 'react';
import { usePainted } from './painted';

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

/** `children` once its turn has come after the first paint, `fallback` until then and while
 * its chunk loads. */
export function AfterPaint({
  turn,
  fallback,
  children,
}: {
  turn: number;
  fallback: ReactNode;
  children: ReactNode;
}) {
  const painted = usePainted(turn);
  return <Suspense fallback={fallback}>{painted ? children : fallback}</Suspense>;
}

export function MetricsPanel(props: ComponentProps<typeof LazyMetricsPanel>) {
  return (
    <AfterPaint turn={4} fallback={<Loading what="the metrics" className="panel is-metrics" />}>
      <LazyMetricsPanel {...props} />
    </AfterPaint>
  );
}

export function ExplorePanel(props: ComponentProps<typeof LazyExplorePanel>) {
  return (
    <AfterPaint turn={2} fallback={<Loading what="explore" className="is-explore" />}>
      <LazyExplorePanel {...props} />
    </AfterPaint>
  );
}

export function BuilderSide(props: ComponentProps<typeof LazyBuilderSide>) {
  return (
    <AfterPaint turn={3} fallback={<Loading what="the builder" className="panel is-builder" />}>
      <LazyBuilderSide {...props} />
    </AfterPaint>
  );
}
