import { scaleLinear, scaleOrdinal } from 'd3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linearScale, ordinalScale } from './scales';

const num = fc.double({ min: -1e6, max: 1e6, noNaN: true });

describe('linearScale', () => {
  it('maps and inverts exactly as d3 scaleLinear, reversed and empty spans included', () => {
    fc.assert(
      fc.property(num, num, num, num, num, (d0, d1, r0, r1, x) => {
        const ours = linearScale([d0, d1], [r0, r1]);
        const d3 = scaleLinear().domain([d0, d1]).range([r0, r1]);
        expect(Object.is(ours(x), d3(x))).toBe(true);
        expect(Object.is(ours.invert(x), d3.invert(x))).toBe(true);
      }),
    );
  });

  it('maps the timeline and the strip as before', () => {
    const steps = linearScale([0, 57], [10, 1260]);
    expect(steps(0)).toBe(10);
    expect(steps(57)).toBe(1260);
    expect(steps.invert(635)).toBe(28.5);
    expect(steps.range()).toEqual([10, 1260]);
    expect(linearScale([5, 5], [0, 100])(7)).toBe(50);
  });
});

describe('ordinalScale', () => {
  it('gives each key the colour d3 scaleOrdinal gives it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 3 }), { maxLength: 30 }),
        fc.array(fc.string({ maxLength: 3 }), { maxLength: 10 }),
        (domain, extra) => {
          const range = ['a', 'b', 'c', 'd', 'e'];
          const ours = ordinalScale(domain, range);
          const d3 = scaleOrdinal<string, string>().domain(domain).range(range);
          for (const key of [...domain, ...extra]) expect(ours(key)).toBe(d3(key));
        },
      ),
    );
  });
});
