// The four metrics charts of one session: lock acquisitions per operation, chain length per VMA
// at the cursor, VMAs visited per rmap walk (2.6.33 → 2.6.34 → 3.8's interval tree) and
// anon_vmas in the largest family over time (the endless growth of §8.8), each compared across
// eras where the comparison tells the story.
import { memo, useDeferredValue, useMemo } from 'react';
import type { EraId } from '../../kernel';
import { chainLengths } from '../../metrics/metrics';
import type { Session, Trace } from '../../session/session';
import { settingText } from '../explore/exploreText';
import { usePlayhead } from '../playback/playback';
import { useStateAt } from '../trace/TracePane';
import { useWhileSeen } from '../trace/useWhileSeen';
import { BarChart } from './BarChart';
import {
  CHAIN_SERIES,
  chainGroups,
  comparisonRuns,
  familyLines,
  lockGroups,
  lockSeries,
  runSeries,
  thinnedLines,
  walkGroups,
} from './chartData';
import { familiesOf, locksOf, underEras, walksOf } from './eraReplays';
import { LineChart } from './LineChart';
import { chainReading, familyReading, lockReading, opAtCursor, walkReading } from './readings';

/** 2.6.33 scans the whole family; 2.6.34's chain scans the page's anon_vma; 3.8 adds the tree. */
export const WALK_ERAS: readonly EraId[] = ['2.6.33', '2.6.34', '3.8'];
/** 3.8 grows without end; 3.19 reuses by degree; 6.1 by num_children. */
export const FAMILY_ERAS: readonly EraId[] = ['3.8', '3.19', '6.1'];
/** Past this many bars a chart shows the first ones and says how many it left out. */
export const MAX_BARS = 80;
/** Past this many steps the other eras are not replayed: five more replays of a huge trace. */
export const COMPARE_MAX_STEPS = 20_000;
const NO_ERAS: readonly EraId[] = [];

type OkSession = Extract<Session, { ok: true }>;

function capped<T>(rows: readonly T[], what: string): { rows: readonly T[]; note?: string } {
  if (rows.length <= MAX_BARS) return { rows };
  return {
    rows: rows.slice(0, MAX_BARS),
    note: `The first ${MAX_BARS} of ${rows.length} ${what} are drawn; the table lists them all.`,
  };
}

export function MetricsCharts({ session }: { session: OkSession }) {
  // the machine's trace and cursor, from one snapshot (the session's trace, once loaded)
  const playhead = usePlayhead();
  // Below the stage, the charts are mostly out of view: there they follow a scrub once it stops,
  // not at each of its steps (a step's render, layout and paint here would share the graph's
  // frame). In view they follow every step.
  const seen = useWhileSeen(playhead?.cursor ?? 0);
  return (
    <ChartsAt
      session={session}
      trace={playhead?.trace ?? session.trace}
      cursor={seen.value}
      boxRef={seen.ref}
    />
  );
}

interface ChartsAtProps {
  session: OkSession;
  trace: Trace;
  cursor: number;
  boxRef: (el: Element | null) => (() => void) | undefined;
}

const ChartsAt = memo(function ChartsAt({
  session: live,
  trace: liveTrace,
  cursor: liveCursor,
  boxRef,
}: ChartsAtProps) {
  // the session is deferred with the trace and the cursor below, so the three always belong
  // together (a new big scenario with the last trace would replay it under the other eras here)
  const session = useDeferredValue(live);
  const { scenario, era, flags } = session;
  // deferred (the trace and the cursor, both stable values): a new trace's charts (a big one's
  // lock counts read a million steps) and each step's render here come after the graph's, in
  // tasks of their own
  const trace = useDeferredValue(liveTrace);
  const cursor = useDeferredValue(liveCursor);
  const view = useStateAt(trace, cursor);
  const op = opAtCursor(trace.opStarts, cursor);
  const compare = Math.max(trace.steps.length, session.trace.steps.length) <= COMPARE_MAX_STEPS;
  const skipped = compare
    ? undefined
    : `Other eras are not compared for a trace of more than ${COMPARE_MAX_STEPS} steps.`;

  const lockRows = useMemo(() => locksOf(trace, scenario), [trace, scenario]);
  const locks = useMemo(() => lockGroups(lockRows), [lockRows]);
  const lockKinds = useMemo(() => lockSeries(lockRows), [lockRows]);
  const chains = useMemo(() => chainGroups(chainLengths(view)), [view]);
  const current = useMemo(
    () => ({
      era,
      plain: Object.keys(flags).length === 0,
      setting: settingText(scenario, era, flags),
    }),
    [era, flags, scenario],
  );
  const walkRuns = useMemo(
    () =>
      comparisonRuns(
        { ...current, data: walksOf(trace) },
        underEras(scenario, compare ? WALK_ERAS : NO_ERAS, walksOf),
      ),
    [current, trace, scenario, compare],
  );
  const walks = useMemo(() => walkGroups(scenario, walkRuns), [scenario, walkRuns]);
  const walkSeries = useMemo(() => runSeries(walkRuns), [walkRuns]);
  const familyRuns = useMemo(
    () =>
      comparisonRuns(
        { ...current, data: familiesOf(trace) },
        underEras(scenario, compare ? FAMILY_ERAS : NO_ERAS, familiesOf),
      ),
    [current, trace, scenario, compare],
  );
  const families = useMemo(() => thinnedLines(familyLines(familyRuns)), [familyRuns]);
  const familyNote =
    families.every > 1
      ? `Every ${families.every}th operation of ${trace.opStarts.length} is drawn.`
      : undefined;

  const lockBars = capped(locks, 'operations');
  const chainBars = capped(chains, 'VMAs');
  const walkBars = capped(walks, 'walks');
  return (
    <div className="metrics-grid" ref={boxRef}>
      <BarChart
        chart="locks"
        title="Lock acquisitions per operation"
        reading={lockReading(locks)}
        xLabel="operation"
        yLabel="acquisitions"
        series={lockKinds}
        groups={lockBars.rows}
        stacked
        marked={op === null ? null : String(op)}
        note={lockBars.note}
      />
      <BarChart
        chart="chains"
        title={`Chain length per VMA at step ${cursor}`}
        reading={chainReading(chains, cursor)}
        xLabel="VMA"
        yLabel="AVCs"
        series={CHAIN_SERIES}
        groups={chainBars.rows}
        note={chainBars.note}
      />
      {walks.length > 0 ? (
        <BarChart
          chart="walks"
          title="VMAs visited per rmap walk"
          reading={walkReading(walkRuns)}
          xLabel="walk (op·walker)"
          yLabel="VMAs visited"
          series={walkSeries}
          groups={walkBars.rows}
          note={walkBars.note ?? skipped}
        />
      ) : (
        <figure className="metric-chart" data-chart="walks">
          <figcaption>
            <h3>VMAs visited per rmap walk</h3>
          </figcaption>
          <p className="metric-reading">
            No rmap walk in this scenario under these eras: no op migrates, reclaims or merges a
            page.
          </p>
        </figure>
      )}
      <LineChart
        chart="families"
        title="anon_vmas in the largest family"
        reading={familyReading(familyRuns)}
        xLabel="after operation"
        yLabel="anon_vmas"
        series={families.series}
        markedX={op}
        note={[familyNote, skipped].filter(Boolean).join(' ') || undefined}
      />
    </div>
  );
});
