// Invariant violations seen so far (Contract 3); a click moves the cursor to the step.
import type { Violation } from '../../kernel';
import { Playback } from '../playback/playback';

export function ViolationList({ violations, cursor }: { violations: Violation[]; cursor: number }) {
  const actor = Playback.useActorRef();
  const seen = violations.filter((v) => v.step <= cursor);
  return (
    <section className="violations" aria-label="Violations" data-testid="violations">
      <h2>
        {`Violations: ${seen.length} so far`}
        {violations.length > seen.length && ` (${violations.length} in the whole trace)`}
      </h2>
      {seen.length > 0 && (
        <ul>
          {seen.map((v, i) => (
            <li key={`${v.step}-${v.kind}-${i}`} data-kind-violation={v.kind}>
              <button
                type="button"
                className="link"
                onClick={() => actor.send({ type: 'SEEK', to: v.step })}
              >
                {`step ${v.step}`}
              </button>{' '}
              <strong>{v.kind}</strong> {v.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
