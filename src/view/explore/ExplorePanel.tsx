// "Explore": every interleaving of the scenario's parallel blocks, searched in a Web Worker
// under the session's era and flags, with progress and cancel; a counterexample loads into the
// timeline as the block's schedule.
import { useMachine } from '@xstate/react';
import { useState } from 'react';
import type { Flags } from '../../kernel/flags';
import type { Scenario } from '../../kernel/scenarioTypes';
import type { Session } from '../../session/session';
import { exploreMachine } from '../../machine/explore';
import type { ExploreRequest } from '../../machine/explore';
import { ExploreOutcome } from './ExploreOutcome';
import { ExploreProgressBar } from './ExploreProgressBar';
import { parallelOps, settingText } from './exploreText';
import { useLoadInterleaving } from './useLoadInterleaving';
import './explore.css';

/** The search stops at these bounds and says so: the worker's time and memory stay finite. */
export const EXPLORE_MAX_STATES = 200_000;
export const EXPLORE_TIME_LIMITS = [10, 60, 300] as const;
export const EXPLORE_MAX_SECONDS = 60;
const timeText = (s: number): string => (s < 60 ? `${s} s` : `${s / 60} min`);

const sameFlags = (a: Partial<Flags>, b: Partial<Flags>): boolean => {
  const ka = Object.keys(a) as (keyof Flags)[];
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
};

/** Whether a request's answer still speaks about the session on screen. */
function speaksAbout(req: ExploreRequest | null, session: Session, loaded: Scenario | null) {
  if (!req) return false;
  const same = req.scenario === session.scenario || loaded === session.scenario;
  return same && req.era === session.era && sameFlags(req.flags, session.flags);
}

export function ExplorePanel({ session }: { session: Session }) {
  const [state, send] = useMachine(exploreMachine);
  const [loaded, setLoaded] = useState<{ scenario: Scenario | null; error: string | null }>({
    scenario: null,
    error: null,
  });
  const load = useLoadInterleaving(session);
  const [maxSeconds, setMaxSeconds] = useState<number>(EXPLORE_MAX_SECONDS);
  const { request, progress, result, error } = state.context;
  const blocks = parallelOps(session.scenario).length;
  const running = state.matches('running');
  const current = running || speaksAbout(request, session, loaded.scenario);
  const setting = settingText(
    request?.scenario ?? session.scenario,
    request?.era ?? session.era,
    request?.flags ?? session.flags,
  );

  const start = () => {
    setLoaded({ scenario: null, error: null });
    send({
      type: 'START',
      request: {
        scenario: session.scenario,
        era: session.era,
        flags: session.flags,
        maxStates: EXPLORE_MAX_STATES,
        maxSeconds,
      },
    });
  };
  const loadResult = () => {
    if (!result) return;
    const out = load(result);
    setLoaded({ scenario: out.scenario, error: out.error });
  };

  return (
    <section className="explore-panel" data-testid="explore-panel" aria-labelledby="explore-title">
      <h2 id="explore-title">Explore</h2>
      <p className="explore-note">
        {blocks > 0
          ? `Tries every interleaving of the ${blocks === 1 ? 'parallel block' : `${blocks} parallel blocks`} under ${settingText(session.scenario, session.era, session.flags)} in the background, one per class of orders of independent steps, and stops at the time limit or after ${EXPLORE_MAX_STATES.toLocaleString('en-US')} states; a violation comes with the shortest schedule that breaks.`
          : 'This scenario has no parallel block: it has one interleaving only, the timeline.'}
      </p>
      <div className="controls-row">
        <button
          type="button"
          data-testid="explore-start"
          disabled={blocks === 0 || running}
          onClick={start}
        >
          Explore interleavings
        </button>
        <label className="explore-limit">
          {'Time limit '}
          <select
            data-testid="explore-time-limit"
            value={maxSeconds}
            disabled={running}
            onChange={(e) => setMaxSeconds(Number(e.target.value))}
          >
            {EXPLORE_TIME_LIMITS.map((s) => (
              <option key={s} value={s}>
                {timeText(s)}
              </option>
            ))}
          </select>
        </label>
        {running && (
          <button
            type="button"
            data-testid="explore-cancel"
            onClick={() => send({ type: 'CANCEL' })}
          >
            Cancel
          </button>
        )}
      </div>
      {current && request && (
        <ExploreProgressBar
          progress={progress}
          phase={
            running
              ? 'running'
              : state.matches('done') && (result?.complete || (result?.violations.length ?? 0) > 0)
                ? 'done'
                : 'stopped'
          }
          maxStates={request.maxStates ?? EXPLORE_MAX_STATES}
        />
      )}
      <div className="explore-outcome" aria-live="polite">
        {current && state.matches('done') && result && request && (
          <ExploreOutcome
            status="done"
            result={result}
            scenario={request.scenario}
            setting={setting}
            limits={{
              maxStates: request.maxStates ?? EXPLORE_MAX_STATES,
              maxSeconds: request.maxSeconds ?? EXPLORE_MAX_SECONDS,
            }}
            loaded={loaded.scenario !== null && loaded.scenario === session.scenario}
            onLoad={loadResult}
          />
        )}
        {current && state.matches('cancelled') && (
          <ExploreOutcome status="cancelled" explored={progress.explored} />
        )}
        {current && state.matches('failed') && (
          <ExploreOutcome status="failed" error={error ?? 'unknown error'} />
        )}
        {loaded.error !== null && (
          <p className="explore-error" role="alert" data-testid="explore-load-error">
            {`The interleaving could not be loaded: ${loaded.error}`}
          </p>
        )}
      </div>
    </section>
  );
}
