// CPU identity for every view (lanes, lock holders, step log): an Okabe–Ito colour, a text-safe
// variant, a label and an SVG fill pattern, so no reader depends on colour alone. The colours are
// CSS variables of the theme (theme.css); the patterns are defined once by CpuPatternDefs.

/** Distinct CPU identities; CPU n reuses identity n mod CPU_IDENTITIES. */
export const CPU_IDENTITIES = 8;

export type CpuPatternKind =
  'solid' | 'stripes' | 'dots' | 'crosshatch' | 'horizontal' | 'vertical' | 'checker' | 'rings';

/** One pattern per identity, in palette order: distinguishable in greyscale too. */
export const CPU_PATTERN_KINDS: readonly CpuPatternKind[] = [
  'solid',
  'stripes',
  'dots',
  'crosshatch',
  'horizontal',
  'vertical',
  'checker',
  'rings',
];

/** Okabe–Ito, light theme; theme.css holds the dark-theme variants under the same names. */
export const CPU_COLORS_LIGHT: readonly string[] = [
  '#0072b2',
  '#e69f00',
  '#009e73',
  '#cc79a7',
  '#d55e00',
  '#56b4e9',
  '#f0e442',
  '#000000',
];

function identity(cpu: number): number {
  const n = Number.isFinite(cpu) ? Math.trunc(Math.abs(cpu)) : 0;
  return n % CPU_IDENTITIES;
}

/** Fill/stroke colour of CPU `cpu`, e.g. `var(--cpu1)`: use in `style`, not in SVG attributes. */
export const cpuColor = (cpu: number): string => `var(--cpu${identity(cpu)})`;

/** Text colour of CPU `cpu` (AA contrast on the panel and page backgrounds). */
export const cpuInk = (cpu: number): string => `var(--cpu${identity(cpu)}-ink)`;

/** The id of CPU `cpu`'s pattern element (CpuPatternDefs renders one per identity). */
export const cpuPatternId = (cpu: number): string => `cpu-pattern-${identity(cpu)}`;

/** A fill value for CPU `cpu`'s pattern: `fill: cpuPattern(1)` draws CPU 1's stripes. */
export const cpuPattern = (cpu: number): string => `url(#${cpuPatternId(cpu)})`;

/** The name of CPU `cpu`'s pattern, for legends and tooltips. */
export const cpuPatternKind = (cpu: number): CpuPatternKind => CPU_PATTERN_KINDS[identity(cpu)]!;

/** The label to show next to any CPU colour. */
export const cpuLabel = (cpu: number): string => `CPU ${cpu}`;

/** The CSS class a CPU-coloured element carries (`cpu-1`), for styles and e2e selectors. */
export const cpuClass = (cpu: number): string => `cpu-${identity(cpu)}`;
