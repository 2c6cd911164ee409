import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { builtinScenarios } from '../../scenarios';
import { createSession } from '../../session/session';
import { Playback } from '../playback/playback';
import { playbackActor } from '../playback/testActor';
import { BarChart } from './BarChart';
import { barLayout, lineLayout } from './chartLayout';
import { LineChart } from './LineChart';
import { MetricsPanel } from './MetricsPanel';

const groups = [
  { key: '0', label: '0', title: '0: spawn P', values: [{ series: 'a', value: 1 }] },
  {
    key: '1',
    label: '1',
    title: '1: fork P',
    values: [
      { series: 'a', value: 2 },
      { series: 'b', value: 3 },
    ],
  },
];
const series = [
  { key: 'a', label: 'A', tone: 0 },
  { key: 'b', label: 'B', tone: 1 },
];

describe('barLayout', () => {
  it('stacks series bottom up and scales to the largest total', () => {
    const l = barLayout(groups, ['a', 'b'], true);
    const [a, b] = l.groups[1]!.rects;
    expect(l.groups[1]!.total).toBe(5);
    expect(a!.y + 0.001).toBeGreaterThan(b!.y + b!.height - 0.001);
    expect(Math.abs(a!.y - (b!.y + b!.height))).toBeLessThan(1e-9);
    expect(l.ticks.every((t) => Number.isInteger(t.value))).toBe(true);
  });
  it('puts series side by side, never wider than a slim bar', () => {
    const l = barLayout(groups, ['a', 'b'], false);
    const [a, b] = l.groups[1]!.rects;
    expect(b!.x).toBeGreaterThan(a!.x);
    expect(a!.width).toBeLessThanOrEqual(28);
  });
  it('widens with the number of groups', () => {
    const many = Array.from({ length: 60 }, (_, i) => ({ ...groups[0]!, key: String(i) }));
    expect(barLayout(many, ['a'], true).width).toBeGreaterThan(
      barLayout(groups, ['a'], true).width,
    );
  });
});

describe('lineLayout', () => {
  it('draws step lines through every point', () => {
    const l = lineLayout([
      { key: 'x', label: 'X', tone: 0, points: [0, 1, 1, 3].map((y, x) => ({ x, y })) },
    ]);
    expect(l.lines[0]!.d.startsWith('M')).toBe(true);
    expect(l.lines[0]!.points.map((p) => p.value)).toEqual([0, 1, 1, 3]);
  });
});

describe('charts', () => {
  it('a bar chart exposes its numbers as data attributes and as a table', () => {
    const html = renderToStaticMarkup(
      <BarChart
        chart="locks"
        title="Locks"
        reading="reading"
        xLabel="operation"
        yLabel="acquisitions"
        series={series}
        groups={groups}
        stacked
        marked="1"
      />,
    );
    expect(html).toContain('data-chart="locks"');
    expect(html).toContain('role="img"');
    expect(html.match(/data-group=/g)).toHaveLength(2);
    expect(html).toContain('data-group="1" data-value="5"');
    expect(html).toContain('data-series="b" data-value="3"');
    expect(html).toContain('is-marked');
    expect(html).toContain('<th scope="row">1: fork P</th><td>2</td><td>3</td>');
    expect(html).toContain('>operation</text>');
  });

  it('a line chart has one point per op per series', () => {
    const html = renderToStaticMarkup(
      <LineChart
        chart="families"
        title="Families"
        reading="r"
        xLabel="after operation"
        yLabel="anon_vmas"
        series={[
          {
            key: '3.8',
            label: '3.8',
            tone: 0,
            points: [
              { x: 0, y: 1 },
              { x: 1, y: 2 },
            ],
          },
        ]}
      />,
    );
    expect(html).toContain('data-series="3.8"');
    expect(html).toContain('data-op="1" data-value="2"');
  });

  it('the metrics panel draws all four charts of a session', () => {
    const sc = builtinScenarios.find((b) => b.id === 'tour-why-the-chain')!.scenario;
    const session = createSession('tour-why-the-chain', sc, null);
    if (!session.ok) throw new Error(session.error);
    const total = session.trace.steps.length;
    const html = renderToStaticMarkup(
      <Playback.Provider value={playbackActor(session.trace, total)}>
        <MetricsPanel session={session} />
      </Playback.Provider>,
    );
    for (const key of ['locks', 'chains', 'walks', 'families'])
      expect(html).toContain(`data-chart="${key}"`);
    expect(html).toContain('data-testid="metrics"');
    expect(html).toContain(`Chain length per VMA at step ${total}`);
    expect(html).toContain('data-group="12:try_to_unmap_anon:0"');
  });
});
