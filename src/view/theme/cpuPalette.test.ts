import { describe, expect, it } from 'vitest';
import {
  CPU_COLORS_LIGHT,
  CPU_IDENTITIES,
  CPU_PATTERN_KINDS,
  cpuClass,
  cpuColor,
  cpuInk,
  cpuLabel,
  cpuPattern,
  cpuPatternId,
  cpuPatternKind,
} from './cpuPalette';

describe('CPU identity', () => {
  it('gives each CPU a colour variable, a text variant, a label and a pattern', () => {
    expect(cpuColor(1)).toBe('var(--cpu1)');
    expect(cpuInk(1)).toBe('var(--cpu1-ink)');
    expect(cpuLabel(1)).toBe('CPU 1');
    expect(cpuPattern(1)).toBe('url(#cpu-pattern-1)');
    expect(cpuPatternId(1)).toBe('cpu-pattern-1');
    expect(cpuClass(1)).toBe('cpu-1');
  });

  it('starts with the Okabe–Ito blue, orange, green and purple', () => {
    expect(CPU_COLORS_LIGHT.slice(0, 4)).toEqual(['#0072b2', '#e69f00', '#009e73', '#cc79a7']);
    expect(CPU_COLORS_LIGHT).toHaveLength(CPU_IDENTITIES);
  });

  it('never gives two identities the same pattern (identity without colour)', () => {
    expect(new Set(CPU_PATTERN_KINDS).size).toBe(CPU_IDENTITIES);
    expect(cpuPatternKind(0)).toBe('solid');
    expect(cpuPatternKind(1)).toBe('stripes');
  });

  it('wraps CPUs past the palette and tolerates odd numbers', () => {
    expect(cpuColor(CPU_IDENTITIES + 2)).toBe(cpuColor(2));
    expect(cpuPatternKind(-3)).toBe(cpuPatternKind(3));
    expect(cpuColor(Number.NaN)).toBe('var(--cpu0)');
    // the label keeps the real number
    expect(cpuLabel(9)).toBe('CPU 9');
  });
});
