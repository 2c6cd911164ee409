// The two scales the first screen draws with (steps to timeline pixels, addresses to strip
// pixels, anon_vmas to colours), computed as d3-scale's scaleLinear and scaleOrdinal compute them
// (the same arithmetic, so the same pixels; scales.test.ts holds them to d3). d3-scale
// brings its ticks, number formats and interpolators along (about 10 kB gzipped) for features
// only the metrics charts use, so the charts keep d3-scale in their own chunk.

export interface LinearScale {
  (x: number): number;
  /** the domain value drawn at `y` */
  invert: (y: number) => number;
  domain: () => [number, number];
  range: () => [number, number];
}

/** t in [0, 1] across [a, b] (0.5 for an empty span, as d3's normalize). */
function normalize(a: number, b: number): (x: number) => number {
  const span = b - a;
  return span ? (x) => (x - a) / span : () => (Number.isNaN(span) ? Number.NaN : 0.5);
}

/** d3's interpolateNumber. */
const lerp = (a: number, b: number) => (t: number) => a * (1 - t) + b * t;

/** d3's bimap: a reversed domain maps through the reversed range. */
function bimap(domain: [number, number], range: [number, number]): (x: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const [n, i] = d1 < d0 ? [normalize(d1, d0), lerp(r1, r0)] : [normalize(d0, d1), lerp(r0, r1)];
  return (x) => i(n(x));
}

/** scaleLinear().domain(domain).range(range), without clamping. */
export function linearScale(domain: [number, number], range: [number, number]): LinearScale {
  const d: [number, number] = [+domain[0], +domain[1]];
  const r: [number, number] = [+range[0], +range[1]];
  const forward = bimap(d, r);
  const backward = bimap(r, d);
  const scale = (x: number) => forward(+x);
  scale.invert = (y: number) => backward(+y);
  scale.domain = (): [number, number] => [d[0], d[1]];
  scale.range = (): [number, number] => [r[0], r[1]];
  return scale;
}

/** scaleOrdinal().domain(domain).range(range): the i-th distinct key gets range[i % length]. */
export function ordinalScale<T>(
  domain: readonly string[],
  range: readonly T[],
): (key: string) => T {
  const index = new Map<string, number>();
  for (const key of domain) if (!index.has(key)) index.set(key, index.size);
  return (key) => {
    let i = index.get(key);
    // d3 appends an unknown key to the domain (its implicit unknown)
    if (i === undefined) index.set(key, (i = index.size));
    return range[i % range.length] as T;
  };
}
