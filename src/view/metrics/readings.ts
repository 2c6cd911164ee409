// Each chart's reading in one sentence: the chart's text alternative, and what a teacher says
// while pointing at it.
import type { FamilyCount, Walk } from '../../metrics/metrics';
import type { BarGroup, EraRun } from './chartData';
import { largestFamily } from './chartData';

/** The op whose steps the cursor is in (the last op that started before it); null at step 0. */
export function opAtCursor(opStarts: readonly number[], cursor: number): number | null {
  let op: number | null = null;
  opStarts.forEach((start, i) => {
    if (start < cursor) op = i;
  });
  return op;
}

const sum = (g: BarGroup, series: string) =>
  g.values.filter((v) => v.series === series).reduce((a, v) => a + v.value, 0);

export function lockReading(groups: readonly BarGroup[]): string {
  const av = groups.reduce((a, g) => a + sum(g, 'anon_vma'), 0);
  const vm = groups.reduce((a, g) => a + sum(g, 'vm_lock'), 0);
  const other = groups.reduce((a, g) => a + sum(g, 'other'), 0);
  let top: BarGroup | null = null;
  for (const g of groups) if (!top || sum(g, 'anon_vma') > sum(top, 'anon_vma')) top = g;
  const perVma = vm > 0 ? `, ${vm} per-VMA lock acquisitions` : '';
  const head = `${av} anon_vma lock acquisitions${perVma} and ${other} mmap_sem, mmap_lock or page lock acquisitions over ${groups.length} operations`;
  return top && sum(top, 'anon_vma') > 0
    ? `${head}; the most anon_vma locks in ${top.title} (${sum(top, 'anon_vma')}).`
    : `${head}.`;
}

export function chainReading(groups: readonly BarGroup[], cursor: number): string {
  if (groups.length === 0) return `No VMA exists at step ${cursor}.`;
  let top = groups[0]!;
  for (const g of groups) if (sum(g, 'chain') > sum(top, 'chain')) top = g;
  const n = sum(top, 'chain');
  const vmas = groups.length === 1 ? '1 VMA' : `${groups.length} VMAs`;
  return `${vmas} at step ${cursor}; the longest chain is ${top.key}'s, with ${n} anon_vma${n === 1 ? '' : 's'}.`;
}

export function walkReading(runs: readonly EraRun<readonly Walk[]>[]): string {
  const parts = runs.map((r) =>
    r.data.length === 0
      ? `${r.label}: no walk`
      : `${r.label}: ${r.data.map((w) => w.visits).join(', ')}`,
  );
  return `VMAs visited by each rmap walk, in order. ${parts.join('; ')}.`;
}

export function familyReading(runs: readonly EraRun<readonly FamilyCount[]>[]): string {
  const parts = runs.map((r) => {
    const pts = largestFamily(r.data);
    const last = pts[pts.length - 1]?.y ?? 0;
    const max = Math.max(0, ...pts.map((p) => p.y));
    return max > last
      ? `${r.label}: ${last} at the end (${max} at most)`
      : `${r.label}: ${last} at the end`;
  });
  return `anon_vmas in the largest family after each operation. ${parts.join('; ')}.`;
}
