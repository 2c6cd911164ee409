// Geometry of the small charts: D3 scales, ticks and line paths as plain numbers and strings;
// the components only draw what this returns (STYLE.md 7).
import { curveStepAfter, line, scaleBand, scaleLinear } from 'd3';
import type { BarGroup, LineSeries } from './chartData';
import { maxValue } from './chartData';

export const CHART_HEIGHT = 170;
export const MARGIN = { top: 10, right: 10, bottom: 56, left: 38 };
/** Bars stay slim when a chart has few of them. */
const MAX_BAR_WIDTH = 28;
const MIN_INNER_WIDTH = 240;
/** Dash patterns of the lines, by series order: lines differ without colour too. */
export const DASHES: readonly string[] = ['', '6 3', '2 3', '8 3 2 3'];

export interface Tick {
  value: number;
  y: number;
}

export interface BarRect {
  series: string;
  value: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface BarGroupLayout {
  key: string;
  label: string;
  title: string;
  /** left edge and width of the group's band */
  x0: number;
  band: number;
  /** centre of the group, for its axis label */
  cx: number;
  total: number;
  rects: BarRect[];
}

export interface BarLayout {
  width: number;
  height: number;
  ticks: Tick[];
  groups: BarGroupLayout[];
}

/** Whole-number ticks of a count axis (counts have no halves). */
function countTicks(y: (n: number) => number, max: number): Tick[] {
  const scale = scaleLinear().domain([0, max]);
  return scale
    .ticks(Math.min(4, max))
    .filter((v) => Number.isInteger(v))
    .map((value) => ({ value, y: y(value) }));
}

/**
 * Bars per group: side by side for each series, or stacked (the series in order, bottom up).
 * The chart widens with the number of bars; its container scrolls on a narrow screen.
 */
export function barLayout(
  groups: readonly BarGroup[],
  seriesKeys: readonly string[],
  stacked: boolean,
): BarLayout {
  const perGroup = stacked ? 1 : Math.max(1, seriesKeys.length);
  const inner = Math.max(MIN_INNER_WIDTH, groups.length * (perGroup * 12 + 10));
  const width = MARGIN.left + inner + MARGIN.right;
  const height = CHART_HEIGHT;
  const bottom = height - MARGIN.bottom;
  const max = maxValue(groups, stacked);
  const y = scaleLinear().domain([0, max]).nice().range([bottom, MARGIN.top]);
  const x = scaleBand<string>()
    .domain(groups.map((g) => g.key))
    .range([MARGIN.left, MARGIN.left + inner])
    .paddingInner(0.25)
    .paddingOuter(0.15);
  const sub = scaleBand<string>()
    .domain([...seriesKeys])
    .range([0, x.bandwidth()])
    .padding(0.08);
  const out = groups.map((g) => {
    const x0 = x(g.key) ?? MARGIN.left;
    let base = 0;
    const rects: BarRect[] = [];
    for (const key of seriesKeys) {
      const v = g.values.find((b) => b.series === key);
      if (!v) continue;
      if (stacked) {
        const top = y(base + v.value);
        const w = Math.min(x.bandwidth(), MAX_BAR_WIDTH);
        rects.push({
          series: key,
          value: v.value,
          x: x0 + (x.bandwidth() - w) / 2,
          y: top,
          width: w,
          height: y(base) - top,
        });
        base += v.value;
      } else {
        const top = y(v.value);
        const w = Math.min(sub.bandwidth(), MAX_BAR_WIDTH);
        rects.push({
          series: key,
          value: v.value,
          x: x0 + (sub(key) ?? 0) + (sub.bandwidth() - w) / 2,
          y: top,
          width: w,
          height: bottom - top,
        });
      }
    }
    const total = g.values.reduce((a, b) => a + b.value, 0);
    const band = x.bandwidth();
    return {
      key: g.key,
      label: g.label,
      title: g.title,
      x0,
      band,
      cx: x0 + band / 2,
      total,
      rects,
    };
  });
  return { width, height, ticks: countTicks(y, y.domain()[1] ?? max), groups: out };
}

export interface LinePointLayout {
  x: number;
  y: number;
  op: number;
  value: number;
}

export interface LineLayout {
  width: number;
  height: number;
  ticks: Tick[];
  xTicks: { value: number; x: number }[];
  lines: { key: string; label: string; tone: number; d: string; points: LinePointLayout[] }[];
}

/** Step lines over the operations (a count holds until the next op changes it). */
export function lineLayout(series: readonly LineSeries[]): LineLayout {
  const n = Math.max(1, ...series.map((s) => s.points.length));
  const inner = Math.max(MIN_INNER_WIDTH, n * 14);
  const width = MARGIN.left + inner + MARGIN.right;
  const height = CHART_HEIGHT;
  const max = Math.max(1, ...series.flatMap((s) => s.points.map((p) => p.y)));
  const x = scaleLinear()
    .domain([0, Math.max(1, n - 1)])
    .range([MARGIN.left + 6, MARGIN.left + inner - 6]);
  const y = scaleLinear()
    .domain([0, max])
    .nice()
    .range([height - MARGIN.bottom, MARGIN.top]);
  const path = line<LinePointLayout>()
    .x((p) => p.x)
    .y((p) => p.y)
    .curve(curveStepAfter);
  const lines = series.map((s) => {
    const points = s.points.map((p) => ({ x: x(p.x), y: y(p.y), op: p.x, value: p.y }));
    return { key: s.key, label: s.label, tone: s.tone, d: path(points) ?? '', points };
  });
  const xTicks = x
    .ticks(Math.min(8, n))
    .filter((v) => Number.isInteger(v))
    .map((value) => ({ value, x: x(value) }));
  return { width, height, ticks: countTicks(y, y.domain()[1] ?? max), xTicks, lines };
}
