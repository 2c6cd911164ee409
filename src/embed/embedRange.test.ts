import { describe, expect, it } from 'vitest';
import { clampToRange, playFrom, rangeOf } from './embedRange';

describe('embed range', () => {
  it('is the whole trace without start and end, and stays inside it', () => {
    expect(rangeOf(undefined, 30)).toEqual({ lo: 0, hi: 30 });
    expect(rangeOf({ start: 5, end: 50 }, 30)).toEqual({ lo: 5, hi: 30 });
    expect(rangeOf({ start: 40 }, 30)).toEqual({ lo: 30, hi: 30 });
  });

  it('clamps steps and says where playing starts', () => {
    const r = { lo: 5, hi: 10 };
    expect(clampToRange(2, r)).toBe(5);
    expect(clampToRange(12, r)).toBe(10);
    expect(clampToRange(7, r)).toBe(7);
    expect(playFrom(10, r)).toBe(5);
    expect(playFrom(3, r)).toBe(5);
    expect(playFrom(7, r)).toBeNull();
  });
});
