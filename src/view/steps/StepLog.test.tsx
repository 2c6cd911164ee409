import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { replay } from '../../kernel';
import { builtinScenarios } from '../../scenarios';
import { historyWindow, StepLog, waitLines } from './StepLog';

const scenario = builtinScenarios.find((b) => b.id === 'race-8.1')!.scenario;
const trace = replay(scenario);

describe('StepLog', () => {
  it('names the CPU, function, line, text and lock of the current step', () => {
    const n =
      trace.steps.findIndex((s) => s.lock?.kind === 'acquire' && s.lock.owner === 'av0') + 1;
    const step = trace.steps[n - 1]!;
    const html = renderToStaticMarkup(
      <StepLog
        cursor={n}
        total={trace.steps.length}
        steps={trace.steps}
        scenario={scenario}
        view={trace.stateAt(n)}
      />,
    );
    expect(html).toContain(`Step ${n} of ${trace.steps.length}`);
    expect(html).toContain(`cpu${step.cpu}`);
    expect(html).toContain(`${step.fn}<span class="step-line">:${step.line}</span>`);
    expect(html).toContain(`takes ${step.lock!.owner}&#x27;s lock`);
    expect(html).toContain('aria-current="step"');
    expect(html).toContain('aria-live="polite"');
  });

  it('describes step 0 as the initial state', () => {
    const html = renderToStaticMarkup(
      <StepLog
        cursor={0}
        total={5}
        steps={trace.steps.slice(0, 5)}
        scenario={scenario}
        view={trace.stateAt(0)}
      />,
    );
    expect(html).toContain('Step 0 of 5: the initial state');
  });

  it('lists the last steps up to the cursor', () => {
    expect(historyWindow(0)).toEqual([]);
    expect(historyWindow(3)).toEqual([1, 2, 3]);
    expect(historyWindow(40)).toEqual(Array.from({ length: 20 }, (_, i) => 21 + i));
  });

  it('says which CPU waits for which lock', () => {
    const view = {
      ...trace.stateAt(0),
      cpus: [{ cpu: 1, waitingFor: 'av0', done: false, holds: [] }],
    };
    expect(waitLines(view)).toEqual(['cpu1 waits for av0']);
  });
});
