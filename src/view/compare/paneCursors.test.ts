import { describe, expect, it } from 'vitest';
import { followCursor, markerStep } from './paneCursors';

const trace = (total: number, opStarts: number[]) => ({ steps: { length: total }, opStarts });

describe('followCursor', () => {
  const a = trace(10, [0, 2, 5]);
  const b = trace(14, [0, 2, 8]);
  it('keeps the op and the offset into it', () => {
    expect(followCursor(0, a, b)).toBe(0);
    expect(followCursor(3, a, b)).toBe(3);
    expect(followCursor(6, a, b)).toBe(9);
  });
  it('maps the end to the end', () => {
    expect(followCursor(10, a, b)).toBe(14);
    expect(followCursor(14, b, a)).toBe(10);
  });
  it('clamps into the shorter op', () => {
    expect(followCursor(7, b, a)).toBe(5);
  });
});

describe('markerStep', () => {
  it('clamps to the pane', () => {
    expect(markerStep(null, 5)).toBeNull();
    expect(markerStep(3, 5)).toBe(3);
    expect(markerStep(9, 5)).toBe(5);
  });
});
