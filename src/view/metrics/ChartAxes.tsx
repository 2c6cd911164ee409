// The axes of a small chart, drawn from ticks the layout computed: horizontal grid lines with
// their counts, the baseline, and both axis titles as text.
import type { Tick } from './chartLayout';
import { MARGIN } from './chartLayout';

export interface ChartAxesProps {
  width: number;
  height: number;
  ticks: readonly Tick[];
  xLabel: string;
  yLabel: string;
}

export function ChartAxes({ width, height, ticks, xLabel, yLabel }: ChartAxesProps) {
  const bottom = height - MARGIN.bottom;
  const mid = (MARGIN.top + bottom) / 2;
  return (
    <g className="metric-axes" aria-hidden="true">
      {ticks.map((t) => (
        <g key={t.value} className="metric-tick">
          <line x1={MARGIN.left} x2={width - MARGIN.right} y1={t.y} y2={t.y} />
          <text x={MARGIN.left - 6} y={t.y} dy="0.32em" textAnchor="end">
            {t.value}
          </text>
        </g>
      ))}
      <line
        className="metric-baseline"
        x1={MARGIN.left}
        x2={width - MARGIN.right}
        y1={bottom}
        y2={bottom}
      />
      <text className="metric-axis-label" x={MARGIN.left} y={height - 4}>
        {xLabel}
      </text>
      <text
        className="metric-axis-label"
        transform={`translate(11 ${mid}) rotate(-90)`}
        textAnchor="middle"
      >
        {yLabel}
      </text>
    </g>
  );
}
