// Bars per group (side by side or stacked), drawn by React from barLayout's numbers. Every bar
// carries its series and value as data attributes; a group may be marked (the op at the cursor).
import { useMemo } from 'react';
import type { BarGroup, ChartSeries } from './chartData';
import { ChartAxes } from './ChartAxes';
import { ChartFrame } from './ChartFrame';
import type { ChartKey } from './ChartFrame';
import { barLayout, MARGIN } from './chartLayout';

export interface BarChartProps {
  chart: ChartKey;
  title: string;
  reading: string;
  xLabel: string;
  yLabel: string;
  series: readonly ChartSeries[];
  groups: readonly BarGroup[];
  stacked?: boolean;
  /** the group to mark (e.g. the op at the cursor) */
  marked?: string | null;
  note?: string | undefined;
}

export function BarChart(props: BarChartProps) {
  const { chart, title, reading, xLabel, yLabel, series, groups, stacked = false } = props;
  const keys = useMemo(() => series.map((s) => s.key), [series]);
  const layout = useMemo(() => barLayout(groups, keys, stacked), [groups, keys, stacked]);
  const tone = new Map(series.map((s) => [s.key, s.tone]));
  const bottom = layout.height - MARGIN.bottom;
  const table = {
    rowHead: xLabel,
    columns: [...series.map((s) => ({ key: s.key, label: s.label }))],
    rows: groups.map((g) => ({
      key: g.key,
      label: g.title,
      cells: series.map((s) => g.values.find((v) => v.series === s.key)?.value ?? null),
    })),
  };
  return (
    <ChartFrame
      chart={chart}
      title={title}
      reading={reading}
      series={series}
      width={layout.width}
      height={layout.height}
      table={table}
      note={props.note}
    >
      <ChartAxes
        width={layout.width}
        height={layout.height}
        ticks={layout.ticks}
        xLabel={xLabel}
        yLabel={yLabel}
      />
      {layout.groups.map((g) => (
        <g
          key={g.key}
          className={`metric-bar${props.marked === g.key ? ' is-marked' : ''}`}
          data-group={g.key}
          data-value={g.total}
        >
          <title>{`${g.title}: ${g.rects.map((r) => `${r.value} ${r.series}`).join(', ')}`}</title>
          {props.marked === g.key && (
            <rect
              className="metric-mark"
              x={g.x0 - 3}
              y={MARGIN.top}
              width={g.band + 6}
              height={bottom - MARGIN.top}
            />
          )}
          {g.rects.map((r) => (
            <rect
              key={r.series}
              className={`metric-tone-${tone.get(r.series) ?? 0}`}
              data-series={r.series}
              data-value={r.value}
              x={r.x}
              y={r.y}
              width={r.width}
              height={Math.max(0, r.height)}
            />
          ))}
          <text
            className="metric-x-label"
            transform={`translate(${g.cx} ${bottom + 6}) rotate(-40)`}
            textAnchor="end"
            dy="0.6em"
          >
            {g.label}
          </text>
        </g>
      ))}
    </ChartFrame>
  );
}
