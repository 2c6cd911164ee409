// What a finished search found, as text: the violations with the shortest schedule and the
// button that loads it, or the honest "no violation in N states", or a cancel, or an error.
import type { ExploreResult } from '../../kernel/explore';
import type { Scenario } from '../../kernel/scenarioTypes';
import { violationText } from '../violations/violationText';
import {
  blockSchedules,
  cancelledText,
  foundText,
  noViolationText,
  scheduleText,
  type ExploreLimits,
} from './exploreText';

export type ExploreOutcomeProps =
  | {
      status: 'done';
      result: ExploreResult;
      scenario: Scenario;
      setting: string;
      /** the bounds the search ran with (a cut-short search names the one it reached) */
      limits: ExploreLimits;
      /** set once the counterexample is in the timeline */
      loaded: boolean;
      onLoad: () => void;
    }
  | { status: 'cancelled'; explored: number }
  | { status: 'failed'; error: string };

export function ExploreOutcome(props: ExploreOutcomeProps) {
  if (props.status === 'cancelled')
    return (
      <p className="explore-cancelled" data-testid="explore-cancelled">
        {cancelledText(props.explored)}
      </p>
    );
  if (props.status === 'failed')
    return (
      <p className="explore-error" role="alert" data-testid="explore-error">
        {`Explore failed: ${props.error}`}
      </p>
    );
  const { result, scenario, setting, limits, loaded, onLoad } = props;
  if (result.violations.length === 0)
    return (
      <p
        className="explore-none"
        data-testid="explore-none"
        data-explored={result.explored}
        data-runs={result.runs}
        data-complete={result.complete}
        data-stopped-by={result.stoppedBy ?? undefined}
      >
        {noViolationText(result, setting, limits)}
      </p>
    );
  const blocks = blockSchedules(scenario, result);
  return (
    <div
      className="explore-found"
      data-testid="explore-violation"
      data-shortest={result.shortest}
      data-explored={result.explored}
    >
      <p className="explore-found-head">
        <strong>{`Violation found under ${setting}`}</strong>
        {foundText(result, limits)}
      </p>
      <ul className="explore-violations">
        {result.violations.map((v, i) => (
          <li key={`${v.step}:${v.kind}:${i}`} data-violation-kind={v.kind}>
            <code>{v.kind}</code>
            {` ${violationText(v.kind, v.message).title} at step ${v.step}: ${v.message}`}
          </li>
        ))}
      </ul>
      {blocks.map((b) => (
        <p key={b.op} className="explore-schedule" data-op={b.op}>
          {`Schedule of op ${b.op} (${b.schedule.length} steps): `}
          <code>{scheduleText(b.schedule)}</code>
        </p>
      ))}
      <button type="button" data-testid="explore-load" onClick={onLoad}>
        Load this interleaving
      </button>
      {loaded && (
        <p className="explore-loaded" data-testid="explore-loaded">
          Loaded: the timeline replays this interleaving, with the cursor on the violation.
        </p>
      )}
    </div>
  );
}
