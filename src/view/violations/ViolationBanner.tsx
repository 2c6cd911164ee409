// The alert shown from the step where a violation appears onwards: what kind, what it means in
// plain words, the model's message, the objects involved and where to jump. Highlighting the
// objects in the graph is the graph's job (graph/violationObjectsAt), not this banner's.
import { useState } from 'react';
import type { Violation } from '../../kernel';
import { Playback } from '../playback/playback';
import { violationText } from './violationText';
import './violationBanner.css';

export interface ViolationBannerProps {
  violations: readonly Violation[];
  cursor: number;
}

/** The violations seen last at or before `cursor` (those of the latest step that has any). */
export function currentViolations(violations: readonly Violation[], cursor: number): Violation[] {
  let step = -1;
  for (const v of violations) if (v.step <= cursor && v.step > step) step = v.step;
  return violations.filter((v) => v.step === step);
}

const keyOf = (v: Violation) => `${v.step}:${v.kind}:${v.message}`;

export function ViolationBanner({ violations, cursor }: ViolationBannerProps) {
  const actor = Playback.useActorRef();
  // Dismissals belong to one trace: a new trace (another list) brings the banners back.
  const [state, setState] = useState<{ of: readonly Violation[]; keys: ReadonlySet<string> }>({
    of: violations,
    keys: new Set(),
  });
  const dismissed = state.of === violations ? state.keys : new Set<string>();
  const shown = currentViolations(violations, cursor).filter((v) => !dismissed.has(keyOf(v)));
  const first = shown[0];
  if (!first) return null;
  const next = violations.find((v) => v.step > cursor);
  const fresh = first.step === cursor;
  return (
    <section
      className={`violation-banner${fresh ? ' is-fresh' : ''}`}
      role="alert"
      data-kind="violation-banner"
      data-violation-kind={first.kind}
      data-step={first.step}
      data-testid="violation-banner"
    >
      {shown.map((v, i) => {
        const text = violationText(v.kind, v.message);
        return (
          <div className="violation-entry" key={`${keyOf(v)}-${i}`} data-violation-kind={v.kind}>
            <h2>
              <span className="violation-icon" aria-hidden>
                ⚠
              </span>{' '}
              {`${text.title} `}
              <code>{v.kind}</code>
              <span className="violation-step">{` at step ${v.step}`}</span>
            </h2>
            <p className="violation-explain">{text.explain}</p>
            <p className="violation-message">
              <strong>The model: </strong>
              {v.message}
            </p>
            {v.objects.length > 0 && (
              <p className="violation-objects">
                <strong>Objects: </strong>
                {v.objects.map((o) => (
                  <code key={o} data-object={o}>
                    {o}
                  </code>
                ))}
              </p>
            )}
          </div>
        );
      })}
      <div className="violation-actions">
        {!fresh && (
          <button type="button" onClick={() => actor.send({ type: 'SEEK', to: first.step })}>
            {`Jump to step ${first.step}`}
          </button>
        )}
        {next && (
          <button type="button" onClick={() => actor.send({ type: 'SEEK', to: next.step })}>
            {`Next violation: step ${next.step}`}
          </button>
        )}
        <button
          type="button"
          className="violation-dismiss"
          data-testid="violation-dismiss"
          onClick={() =>
            setState({ of: violations, keys: new Set([...dismissed, ...shown.map(keyOf)]) })
          }
        >
          Dismiss
        </button>
      </div>
    </section>
  );
}
