import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ExploreResult } from '../../kernel/explore';
import { builtinScenarios } from '../../scenarios';
import { ExploreOutcome } from './ExploreOutcome';
import { ExploreProgressBar } from './ExploreProgressBar';

const race81 = builtinScenarios.find((b) => b.id === 'race-8.1')!.scenario;
const base: ExploreResult = {
  explored: 94,
  violations: [],
  schedule: [],
  schedules: [],
  runs: 0,
  redundant: 0,
  steps: 0,
  ms: 0,
  complete: true,
  cancelled: false,
  stoppedBy: null,
  bounded: null,
  shortest: true,
  reduction: 'dpor',
  counts: {},
};
const noop = () => undefined;
const limits = { maxStates: 200000, maxSeconds: 60 };

describe('ExploreOutcome', () => {
  it('lists the violations, the shortest schedule per block and the load button', () => {
    const result: ExploreResult = {
      ...base,
      violations: [{ kind: 'rmap-miss', step: 47, message: 'missed <P:22>', objects: [] }],
      schedule: [0, 1, 1],
      schedules: [[0, 1, 1]],
    };
    const html = renderToStaticMarkup(
      <ExploreOutcome
        status="done"
        result={result}
        scenario={race81}
        setting="2.6.34"
        limits={limits}
        loaded={false}
        onLoad={noop}
      />,
    );
    expect(html).toContain('data-violation-kind="rmap-miss"');
    expect(html).toContain('Violation found under 2.6.34');
    expect(html).toContain('data-op="5"');
    expect(html).toContain('cpu0 cpu1 cpu1');
    expect(html).toContain('Load this interleaving');
    // the model's message is text, escaped
    expect(html).toContain('missed &lt;P:22&gt;');
    expect(html).not.toContain('explore-loaded');
  });

  it('says no violation in N states, with the numbers as data attributes', () => {
    const html = renderToStaticMarkup(
      <ExploreOutcome
        status="done"
        result={{ ...base, explored: 197, runs: 6 }}
        scenario={race81}
        setting="2.6.36"
        limits={limits}
        loaded={false}
        onLoad={noop}
      />,
    );
    expect(html).toContain(
      'No violation in 197 states (6 classes of interleavings, 0.00 s) under 2.6.36',
    );
    expect(html).toContain('data-explored="197"');
    expect(html).toContain('data-complete="true"');
  });

  it('says cancelled after N states, and shows errors as alerts', () => {
    expect(renderToStaticMarkup(<ExploreOutcome status="cancelled" explored={600} />)).toContain(
      'Explore cancelled after 600 states.',
    );
    const failed = renderToStaticMarkup(<ExploreOutcome status="failed" error="no worker" />);
    expect(failed).toContain('role="alert"');
    expect(failed).toContain('Explore failed: no worker');
  });
});

describe('ExploreProgressBar', () => {
  it('is a progressbar whose text carries states, interleavings, rate and elapsed time', () => {
    const html = renderToStaticMarkup(
      <ExploreProgressBar
        progress={{ explored: 1200, runs: 34, rate: 4000, elapsedMs: 300, found: false }}
        phase="running"
        maxStates={200000}
      />,
    );
    expect(html).toContain('role="progressbar"');
    expect(html).toContain('aria-valuenow="1200"');
    expect(html).toContain(
      'aria-valuetext="1,200 states · 34 interleavings · 4,000 states/s · 0.30 s"',
    );
    expect(html).toContain('is-running');
  });
});
