// Percentiles and the markdown table of the browser benchmark.

/** The p-th percentile (0..100) of `xs` by the nearest-rank method; NaN for no sample. */
export function percentile(xs, p) {
  if (xs.length === 0) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function summary(xs) {
  return {
    n: xs.length,
    p50: percentile(xs, 50),
    p95: percentile(xs, 95),
    max: xs.length ? Math.max(...xs) : NaN,
  };
}

const ms = (x) => (Number.isFinite(x) ? x.toFixed(1) : '–');

/** One table row: what, samples, p50/p95/max in ms, the target and whether it is met. */
export function row(what, s, target, met) {
  return `| ${what} | ${s.n} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.max)} | ${target} | ${met ? 'yes' : '**no**'} |`;
}

export const HEADER = [
  '| measure | samples | p50 ms | p95 ms | max ms | target | met |',
  '| --- | ---: | ---: | ---: | ---: | --- | --- |',
];
