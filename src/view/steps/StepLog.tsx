// The step log: the micro-step that led to the shown state (CPU, kernel function, pseudo-code
// line, what happened, which lock it takes or releases), which CPUs wait for which lock, and the
// last steps up to the cursor as a short scrollable history.
import { memo, startTransition, useLayoutEffect, useRef, useState } from 'react';
import type { Scenario, Step, ViewState } from '../../kernel';
import { cpuGlyph, cpuInk } from '../lanes/cpuStyle';
import { lockText } from './lockText';
import { opLabel } from '../timeline/opLabel';
import { paceGauge, SETTLE_MS } from '../trace/pace';
import './stepLog.css';

export interface StepLogProps {
  cursor: number;
  total: number;
  steps: readonly Step[];
  scenario: Scenario;
  view: ViewState;
}

/** How many steps the history shows, the current one last. */
const HISTORY = 20;

/** The 1-based step numbers of the history: the last HISTORY steps up to `cursor`. */
export function historyWindow(cursor: number): number[] {
  const out: number[] = [];
  for (let n = Math.max(1, cursor - HISTORY + 1); n <= cursor; n++) out.push(n);
  return out;
}

/** `cpu1 waits for av0`, one per waiting CPU. */
export function waitLines(view: ViewState): string[] {
  return view.cpus
    .filter((c) => c.waitingFor !== null)
    .map((c) => `cpu${c.cpu} waits for ${c.waitingFor ?? ''}`);
}

export function CpuBadge({ cpu }: { cpu: number }) {
  return (
    <span className="cpu-badge" style={{ color: cpuInk(cpu) }} data-cpu={`cpu${cpu}`}>
      <span aria-hidden>{cpuGlyph(cpu)}</span>
      {` cpu${cpu}`}
    </span>
  );
}

/** One line of the history; memoized, so a step re-renders two lines, not twenty. */
const HistoryLine = memo(function HistoryLine({
  n,
  step,
  here,
}: {
  n: number;
  step: Step;
  here: boolean;
}) {
  return (
    <li
      className={here ? 'is-current' : undefined}
      aria-current={here ? 'step' : undefined}
      value={n}
    >
      <CpuBadge cpu={step.cpu} />
      <code>{`${step.fn}:${step.line}`}</code> <span>{step.text}</span>
      {step.lock && <span className={`step-lock is-${step.lock.kind}`}>{lockText(step.lock)}</span>}
    </li>
  );
});

/**
 * `cursor`, except while the steps come faster than RAPID_MS apart (pace.ts) (a scrub, a held key, fast
 * play): then the one it had, until the cursor has rested SETTLE_MS. Twenty lines moving up by
 * one at every step cost a layout and a paint of the dock in each frame the graph needs, and
 * nobody reads them at that pace; the current step above them still follows every step.
 */
function useRestedCursor(cursor: number): number {
  const [shown, setShown] = useState(cursor);
  const pace = useRef(paceGauge());
  useLayoutEffect(() => {
    if (shown === cursor) return;
    if (!pace.current.tick()) {
      setShown(cursor);
      return;
    }
    const timer = window.setTimeout(() => startTransition(() => setShown(cursor)), SETTLE_MS);
    return () => window.clearTimeout(timer);
  }, [cursor, shown]);
  return shown;
}

/** The last steps up to the cursor, the current one last. */
function History({ cursor, steps }: { cursor: number; steps: readonly Step[] }) {
  const shown = Math.min(useRestedCursor(cursor), steps.length);
  return (
    // column-reverse keeps this box scrolled to its end (the current step) with no script
    // measuring the layout on every step.
    <div
      className="step-history"
      role="group"
      tabIndex={0}
      aria-label="The last steps"
      data-step={shown}
    >
      <ol>
        {historyWindow(shown).map((n) => {
          const s = steps[n - 1];
          return s ? <HistoryLine key={n} n={n} step={s} here={n === cursor} /> : null;
        })}
      </ol>
    </div>
  );
}

export function StepLog({ cursor, total, steps, scenario, view }: StepLogProps) {
  const step = steps[cursor - 1];
  const waits = waitLines(view);
  return (
    <section className="step-log" data-testid="step-log" aria-label="Step log">
      {/* a box of one size (stepLog.css): a long step scrolls in it, so it takes focus */}
      <div
        className="step-current"
        aria-live="polite"
        role="group"
        aria-label="The current step"
        tabIndex={0}
      >
        {step === undefined ? (
          <span className="step-text">{`Step 0 of ${total}: the initial state, before the first op.`}</span>
        ) : (
          <>
            <span className="step-no">{`Step ${cursor} of ${total}`}</span>
            <span data-testid="step-cpu">
              <CpuBadge cpu={step.cpu} />
            </span>
            <span className="step-op" title={`op ${step.op}: ${opLabel(scenario.ops[step.op])}`}>
              {`op ${step.op}: ${opLabel(scenario.ops[step.op])}`}
            </span>
            <code className="step-fn" data-testid="step-fn">
              {step.fn}
              <span className="step-line">{`:${step.line}`}</span>
            </code>
            <span className="step-text" data-testid="step-text">
              {step.text}
            </span>
            {step.lock && (
              <span className={`step-lock is-${step.lock.kind}`} data-testid="step-lock">
                {lockText(step.lock)}
              </span>
            )}
          </>
        )}
        {waits.map((w) => (
          <span key={w} className="step-wait" data-testid="step-wait">
            {w}
          </span>
        ))}
      </div>
      {cursor > 0 && <History cursor={cursor} steps={steps} />}
    </section>
  );
}
