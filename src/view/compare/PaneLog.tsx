// A compare pane's compact step log (the last few steps up to the pane's cursor, the first
// divergent step marked) and its violations so far.
import type { Step, Violation } from '../../kernel';
import { CpuBadge } from '../steps/StepLog';

/** How many steps a pane's log shows, the current one last. */
const SHOWN = 4;

export function PaneStepLog(props: {
  steps: readonly Step[];
  cursor: number;
  divergence: number | null;
}) {
  const { steps, cursor, divergence } = props;
  const from = Math.max(1, cursor - SHOWN + 1);
  const rows: number[] = [];
  for (let n = from; n <= cursor; n++) rows.push(n);
  return (
    <ol className="pane-log" data-testid="pane-log" aria-label="Last steps">
      {cursor === 0 && <li className="pane-log-empty">Step 0: before the first op.</li>}
      {rows.map((n) => {
        const s = steps[n - 1];
        if (!s) return null;
        const diverged = divergence !== null && n >= divergence;
        return (
          <li
            key={n}
            value={n}
            className={`${n === cursor ? 'is-current' : ''}${n === divergence ? ' is-divergence' : ''}`}
            data-diverged={diverged ? 'true' : undefined}
          >
            <CpuBadge cpu={s.cpu} /> <code>{`${s.fn}:${s.line}`}</code> <span>{s.text}</span>
          </li>
        );
      })}
    </ol>
  );
}

export function PaneViolations(props: {
  violations: readonly Violation[];
  cursor: number;
  onSeek: (step: number) => void;
}) {
  const seen = props.violations.filter((v) => v.step <= props.cursor);
  return (
    <section className="pane-violations" data-testid="pane-violations" aria-label="Violations">
      <h3>
        {seen.length === 0 ? 'No violation so far' : `Violations: ${seen.length} so far`}
        {props.violations.length > seen.length &&
          ` (${props.violations.length} in the whole trace)`}
      </h3>
      {seen.length > 0 && (
        <ul>
          {seen.map((v, i) => (
            <li key={`${v.step}-${v.kind}-${i}`} data-kind-violation={v.kind}>
              <button type="button" className="link" onClick={() => props.onSeek(v.step)}>
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
