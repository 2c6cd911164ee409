import { describe, expect, it } from 'vitest';
import { narrationAt } from '../narration/narrationAt';
import { nextStop, narratedStops } from './stops';

describe('narratedStops', () => {
  const opStarts = [0, 3, 7, 12];
  it('stops at the last step of each narrated op and at narrated steps', () => {
    expect(
      narratedStops(
        [
          { op: 2, text: 'b' },
          { op: 1, text: 'a' },
          { step: 10, text: 'c' },
          { op: 9, text: 'no such op' },
        ],
        opStarts,
        15,
      ),
    ).toEqual([7, 9, 10]);
  });
  it('stops on each op caption where it shows (a step caption inside the op takes over)', () => {
    const narration = [
      { op: 1, text: 'a' },
      { step: 5, text: 'b' },
      { op: 2, text: 'c' },
      { step: 8, text: 'd' },
    ];
    const stops = narratedStops(narration, opStarts, 15);
    expect(stops).toEqual([4, 5, 8]);
    expect(stops.map((s) => narrationAt(narration, opStarts, s))).toEqual(['a', 'b', 'd']);
  });
  it('keeps stops inside the trace and drops duplicates', () => {
    expect(
      narratedStops(
        [
          { op: 3, text: 'x' },
          { step: 13, text: 'y' },
          { step: 99, text: 'z' },
        ],
        opStarts,
        13,
      ),
    ).toEqual([13]);
    expect(narratedStops(undefined, opStarts, 13)).toEqual([]);
  });
});

describe('nextStop', () => {
  const stops = [4, 8, 10];
  it('goes forward and back', () => {
    expect(nextStop(stops, 0, 1)).toBe(4);
    expect(nextStop(stops, 4, 1)).toBe(8);
    expect(nextStop(stops, 10, 1)).toBeNull();
    expect(nextStop(stops, 9, -1)).toBe(8);
    expect(nextStop(stops, 4, -1)).toBeNull();
  });
});
