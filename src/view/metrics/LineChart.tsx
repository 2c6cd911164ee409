// Step lines over the operations, one per series, drawn by React from lineLayout's numbers. Lines
// differ by colour and by dash, so two eras stay apart without colour; every point carries its
// op and value as data attributes.
import { useMemo } from 'react';
import type { LineSeries } from './chartData';
import { ChartAxes } from './ChartAxes';
import { ChartFrame } from './ChartFrame';
import type { ChartKey } from './ChartFrame';
import { DASHES, lineLayout, MARGIN } from './chartLayout';

export interface LineChartProps {
  chart: ChartKey;
  title: string;
  reading: string;
  xLabel: string;
  yLabel: string;
  series: readonly LineSeries[];
  /** the op at the cursor, marked by a vertical rule */
  markedX?: number | null;
  note?: string | undefined;
}

export function LineChart(props: LineChartProps) {
  const { chart, title, reading, xLabel, yLabel, series } = props;
  const layout = useMemo(() => lineLayout(series), [series]);
  const bottom = layout.height - MARGIN.bottom;
  const xs = [...new Set(series.flatMap((s) => s.points.map((p) => p.x)))].sort((a, b) => a - b);
  const table = {
    rowHead: xLabel,
    columns: series.map((s) => ({ key: s.key, label: s.label })),
    rows: xs.map((x) => ({
      key: String(x),
      label: `after op ${x}`,
      cells: series.map((s) => s.points.find((p) => p.x === x)?.y ?? null),
    })),
  };
  const marked = layout.lines[0]?.points.find((p) => p.op === props.markedX);
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
      lines
    >
      <ChartAxes
        width={layout.width}
        height={layout.height}
        ticks={layout.ticks}
        xLabel={xLabel}
        yLabel={yLabel}
      />
      <g className="metric-x-ticks" aria-hidden="true">
        {layout.xTicks.map((t) => (
          <text
            key={t.value}
            className="metric-x-label"
            x={t.x}
            y={bottom + 14}
            textAnchor="middle"
          >
            {t.value}
          </text>
        ))}
      </g>
      {marked && (
        <line className="metric-rule" x1={marked.x} x2={marked.x} y1={MARGIN.top} y2={bottom} />
      )}
      {layout.lines.map((l, i) => (
        <g key={l.key} className="metric-line" data-series={l.key}>
          <path
            className={`metric-stroke-${l.tone}`}
            d={l.d}
            strokeDasharray={DASHES[i % DASHES.length] || undefined}
          />
          {l.points.map((p) => (
            <circle
              key={p.op}
              className={`metric-tone-${l.tone}`}
              data-op={p.op}
              data-value={p.value}
              cx={p.x}
              cy={p.y}
              r={2.5}
            >
              <title>{`${l.label}, after op ${p.op}: ${p.value}`}</title>
            </circle>
          ))}
        </g>
      ))}
    </ChartFrame>
  );
}
