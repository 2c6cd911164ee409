// The same scenario under two flag sets side by side. The left pane is the page's session; the
// right pane replays it under its own era and flags. One cursor (the playback machine's) drives
// both: the right pane follows it op by op, and either timeline scrubs both. Where the two
// traces part ways is marked on both timelines and said in a note.
import { useMemo } from 'react';
import { ERA_TITLES } from '../../kernel';
import type { EraId, Flags, Scenario } from '../../kernel';
import { firstDivergence } from '../../compare/diverge';
import type { Trace } from '../../session/session';
import { opCount } from '../../session/bigScenario';
import { needsWorker, traceFor, type TraceResult } from '../../session/traces';
import { useAppStore } from '../../store';
import { Playback, usePlayhead } from '../playback/playback';
import { ComparePane } from './ComparePane';
import { followCursor, markerStep } from './paneCursors';
import { currentSide, rightSide, scenarioUnder } from './rightSide';
import { SidePicker } from './SidePicker';
import './compare.css';

export interface CompareViewProps {
  scenarioId: string;
  scenario: Scenario;
  era: EraId;
  /** the left pane: the playback machine's trace (its cursor is read here) */
  trace: Trace;
}

/** Why the right pane stays empty for a big scenario, with what does compare it. */
const tooBig = (scenario: Scenario): string =>
  `This scenario has ${opCount(scenario).toLocaleString('en-US')} ops: the page replays one that big only once, off its main thread, so it is not replayed a second time for this pane. \`npm run replay -- FILE.json --era ERA\` replays it under any era.`;

const flagText = (flags: Partial<Flags>): string =>
  Object.entries(flags)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(', ');

export function CompareView({ scenarioId, scenario, era, trace: shown }: CompareViewProps) {
  const { trace, cursor } = usePlayhead() ?? { trace: shown, cursor: 0 };
  const actor = Playback.useActorRef();
  const flagsOverride = useAppStore((s) => s.flagsOverride);
  const stored = useAppStore((s) => s.compareSide);
  const setSide = useAppStore((s) => s.setCompareSide);
  const left = useMemo(
    () => currentSide(scenario, era, flagsOverride),
    [scenario, era, flagsOverride],
  );
  const side = useMemo(
    () => rightSide(scenarioId, scenario, left, stored),
    [scenarioId, scenario, left, stored],
  );
  // An explicit era: the file's schedule is followed leniently under another kernel.
  const right = useMemo((): TraceResult => {
    const req = { scenario: scenarioUnder(scenario, side), era: side.era };
    // A big scenario is replayed only in the load worker, once: a second replay here would stop
    // the page for seconds.
    if (needsWorker(req)) return { ok: false, error: tooBig(scenario) };
    return traceFor(req);
  }, [scenario, side]);
  const rightTrace = right.ok ? right.trace : null;
  const divergence = useMemo(
    () => (rightTrace ? firstDivergence(trace.steps, rightTrace.steps) : null),
    [trace, rightTrace],
  );

  const leftCursor = cursor;
  const rightCursor = rightTrace ? followCursor(leftCursor, trace, rightTrace) : 0;
  const seekLeft = (to: number) => actor.send({ type: 'SEEK', to });
  const scrub = (on: boolean) => actor.send({ type: on ? 'SCRUB_START' : 'SCRUB_END' });

  const leftFlags = flagText(left.flags);
  return (
    <div className="compare-view" data-testid="compare-view">
      <p className="compare-note" role="status" data-testid="divergence-note">
        {rightTrace === null
          ? 'The right pane does not replay this scenario.'
          : divergence === null
            ? 'The two traces are identical.'
            : `First difference at step ${divergence}.`}
      </p>
      <div className="compare-panes">
        <ComparePane
          side="left"
          head={
            <p className="compare-side-name">
              <strong>{`Left: ${era}`}</strong>
              {` ${ERA_TITLES[era]}`}
              {leftFlags && <code>{leftFlags}</code>}
            </p>
          }
          trace={trace}
          scenario={scenario}
          cursor={leftCursor}
          divergence={markerStep(divergence, trace.steps.length)}
          onSeek={seekLeft}
          onScrub={scrub}
        />
        {rightTrace ? (
          <ComparePane
            side="right"
            head={<SidePicker side={side} onChange={(s) => setSide(scenarioId, s)} />}
            trace={rightTrace}
            scenario={scenario}
            cursor={rightCursor}
            divergence={markerStep(divergence, rightTrace.steps.length)}
            onSeek={(to) => seekLeft(followCursor(to, rightTrace, trace))}
            onScrub={scrub}
          />
        ) : (
          <section className="compare-pane" data-pane="right" aria-label="Right pane">
            <SidePicker side={side} onChange={(s) => setSide(scenarioId, s)} />
            <p className="session-error" role="alert">
              {right.ok ? '' : right.error}
            </p>
          </section>
        )}
      </div>
    </div>
  );
}
