import { symbol, symbolCircle, symbolDiamond, symbolSquare, symbolTriangle, symbolWye } from 'd3';
import { describe, expect, it } from 'vitest';
import { SHAPE_NAMES, VIOLATION_PATH, cpuGlyph, cpuLockPath, cpuShapeName } from './cpuStyle';

const D3 = [symbolCircle, symbolTriangle, symbolSquare, symbolDiamond, symbolWye];

describe('cpuStyle', () => {
  it('draws each CPU’s lock tick as d3’s symbol of its shape at 34 px², cycling past 5 CPUs', () => {
    for (let cpu = 0; cpu < 12; cpu++) {
      expect(cpuLockPath(cpu)).toBe(symbol(D3[cpu % 5], 34)());
      expect(cpuShapeName(cpu)).toBe(SHAPE_NAMES[cpu % 5]);
    }
    expect(cpuLockPath(-1)).toBe(symbol(symbolWye, 34)());
  });

  it('draws a violation as d3’s diamond at 120 px²', () => {
    expect(VIOLATION_PATH).toBe(symbol(symbolDiamond, 120)());
    expect(cpuGlyph(3)).toBe('◆');
  });
});
