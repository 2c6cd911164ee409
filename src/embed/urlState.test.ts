import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ERA_IDS } from '../kernel/flags';
import { formatUrlState, parseUrlState } from './urlState';
import type { UrlState } from './urlState';

describe('urlState', () => {
  it('reads scenario, era, step and embed', () => {
    expect(parseUrlState('?scenario=fork&era=3.0&step=12&embed=1')).toEqual({
      scenario: 'fork',
      era: '3.0',
      step: 12,
      embed: true,
    });
    expect(parseUrlState('?step=end')).toEqual({ step: 'end' });
  });

  it('ignores what it does not understand', () => {
    expect(parseUrlState('?era=9.9&step=-1&step2=3&embed=yes')).toEqual({});
    expect(parseUrlState('')).toEqual({});
  });

  it('writes keys in a fixed order and nothing for an empty state', () => {
    expect(formatUrlState({ step: 3, scenario: 'a b' })).toBe('?scenario=a+b&step=3');
    expect(formatUrlState({})).toBe('');
  });

  it('round-trips', () => {
    const state: fc.Arbitrary<UrlState> = fc.record(
      {
        scenario: fc.string({ minLength: 1 }),
        era: fc.constantFrom(...ERA_IDS),
        step: fc.oneof(fc.nat(), fc.constant('end' as const)),
        embed: fc.constant(true),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(state, (s) => {
        expect(parseUrlState(formatUrlState(s))).toEqual(s);
      }),
    );
  });
});
