// The numbers of the metrics charts, as plain data: groups of bars and lines of points, each
// series keyed (an era, `anon_vma`, ...) so the page exposes them as data attributes and the
// screen-reader tables read the same values as the bars.
import type { EraId, Scenario } from '../../kernel';
import type { ChainLength, FamilyCount, OpLocks, Walk } from '../../metrics/metrics';
import { opLabel } from '../../metrics/metrics';

export interface ChartSeries {
  key: string;
  label: string;
  /** palette slot (Okabe–Ito through the theme's --cpuN tokens) */
  tone: number;
}

export interface BarValue {
  series: string;
  value: number;
}

export interface BarGroup {
  key: string;
  /** short axis label */
  label: string;
  /** full name for the tooltip and the table */
  title: string;
  values: BarValue[];
}

export interface LinePoint {
  x: number;
  y: number;
}

export interface LineSeries extends ChartSeries {
  points: LinePoint[];
}

/** One trace's numbers under a name: the replay on screen or the same scenario in another era. */
export interface EraRun<T> {
  key: string;
  label: string;
  data: T;
}

const ANON_VMA_SERIES: ChartSeries = { key: 'anon_vma', label: 'anon_vma locks', tone: 0 };
const VM_LOCK_SERIES: ChartSeries = { key: 'vm_lock', label: 'per-VMA locks', tone: 3 };
const OTHER_SERIES: ChartSeries = {
  key: 'other',
  label: 'mmap_sem/mmap_lock and page locks',
  tone: 1,
};

/** The series of the locks chart: per-VMA locks only for a trace that takes them (6.4 on). */
export function lockSeries(rows: readonly OpLocks[]): ChartSeries[] {
  return rows.some((r) => r.vmaLock > 0)
    ? [ANON_VMA_SERIES, VM_LOCK_SERIES, OTHER_SERIES]
    : [ANON_VMA_SERIES, OTHER_SERIES];
}

/**
 * (a) lock acquisitions per operation, stacked: anon_vma locks, per-VMA locks (where the era
 * has them), then mmap_sem/mmap_lock and page locks.
 */
export function lockGroups(rows: readonly OpLocks[]): BarGroup[] {
  const perVma = rows.some((r) => r.vmaLock > 0);
  return rows.map((r) => ({
    key: String(r.op),
    label: String(r.op),
    title: r.label,
    values: [
      { series: 'anon_vma', value: r.anonVma },
      ...(perVma ? [{ series: 'vm_lock', value: r.vmaLock }] : []),
      { series: 'other', value: r.other },
    ],
  }));
}

export const CHAIN_SERIES: ChartSeries[] = [{ key: 'chain', label: 'AVCs in the chain', tone: 2 }];

/** (b) chain length per VMA at the cursor. */
export function chainGroups(rows: readonly ChainLength[]): BarGroup[] {
  return rows.map((r) => ({
    key: r.vma,
    label: r.vma,
    title: `VMA ${r.vma}`,
    values: [{ series: 'chain', value: r.length }],
  }));
}

const SHORT_FN: Record<string, string> = {
  try_to_unmap_anon: 'unmap',
  rmap_walk_anon: 'walk',
};

/** Tones of the runs of a comparison, in order; the replay on screen keeps the first. */
export function runSeries(runs: readonly EraRun<unknown>[]): ChartSeries[] {
  return runs.map((r, i) => ({ key: r.key, label: r.label, tone: i % 4 }));
}

/**
 * (c) VMAs visited per rmap walk, one group per walk and one bar per run. Walks are matched
 * across runs by operation, walker and rank within the op, so an era that walks more often
 * (or not at all) leaves gaps instead of shifting every later walk.
 */
export function walkGroups(sc: Scenario, runs: readonly EraRun<readonly Walk[]>[]): BarGroup[] {
  const groups = new Map<string, BarGroup & { op: number; order: number }>();
  for (const run of runs) {
    const rank = new Map<string, number>();
    for (const w of run.data) {
      const base = `${w.op}:${w.fn}`;
      const k = rank.get(base) ?? 0;
      rank.set(base, k + 1);
      const key = `${base}:${k}`;
      let g = groups.get(key);
      if (!g) {
        const short = SHORT_FN[w.fn] ?? w.fn;
        g = {
          key,
          label: `${w.op}·${short}${k > 0 ? ` ${k + 1}` : ''}`,
          title: `${opLabel(sc, w.op)}: ${w.fn}${k > 0 ? ` (walk ${k + 1})` : ''}`,
          values: [],
          op: w.op,
          order: groups.size,
        };
        groups.set(key, g);
      }
      g.values.push({ series: run.key, value: w.visits });
    }
  }
  return [...groups.values()]
    .sort((a, b) => a.op - b.op || a.order - b.order)
    .map(({ key, label, title, values }) => ({ key, label, title, values }));
}

/** The largest family's anon_vma count after each op. */
export function largestFamily(counts: readonly FamilyCount[]): LinePoint[] {
  return counts.map((c) => ({ x: c.op, y: Math.max(0, ...Object.values(c.families)) }));
}

/** (d) anon_vmas in the largest family over time, one line per run. */
export function familyLines(runs: readonly EraRun<readonly FamilyCount[]>[]): LineSeries[] {
  const tones = runSeries(runs);
  return runs.map((r, i) => ({ ...tones[i]!, points: largestFamily(r.data) }));
}

/**
 * The runs of a comparison, the eras in their order. When the replay on screen is one of those
 * eras with no flag changed, it is that era's run (marked "on screen"), not a second copy;
 * otherwise it comes first, named by its era and flags.
 */
export function comparisonRuns<T>(
  current: { era: EraId; plain: boolean; setting: string; data: T },
  others: readonly { era: EraId; data: T }[],
): EraRun<T>[] {
  const same = current.plain && others.some((o) => o.era === current.era);
  const eras = others.map((o) =>
    same && o.era === current.era
      ? { key: o.era, label: `${o.era} (on screen)`, data: current.data }
      : { key: o.era, label: o.era, data: o.data },
  );
  if (same) return eras;
  return [{ key: 'current', label: `on screen: ${current.setting}`, data: current.data }, ...eras];
}

/** The largest value of the groups (at least 1, so an empty chart still has an axis). */
export function maxValue(groups: readonly BarGroup[], stacked: boolean): number {
  let max = 1;
  for (const g of groups) {
    const vs = g.values.map((v) => v.value);
    const top = stacked ? vs.reduce((a, b) => a + b, 0) : Math.max(0, ...vs);
    if (top > max) max = top;
  }
  return max;
}

/** Past this many points a line chart draws every few ops (a 2,003-op scenario has 2,003). */
export const MAX_POINTS = 200;

/** The series with at most about MAX_POINTS points each (every k-th and the last), and the k. */
export function thinnedLines(series: readonly LineSeries[]): {
  series: LineSeries[];
  every: number;
} {
  const most = Math.max(0, ...series.map((s) => s.points.length));
  const every = Math.ceil(most / MAX_POINTS);
  if (every <= 1) return { series: [...series], every: 1 };
  const thin = (s: LineSeries): LineSeries => ({
    ...s,
    points: s.points.filter((_, i) => i % every === 0 || i === s.points.length - 1),
  });
  return { series: series.map(thin), every };
}
