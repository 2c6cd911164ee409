import { describe, expect, it } from 'vitest';
import { nextMark, opMarks, prevMark, shiftSpeed, snapSpeed, traceMarks } from './marks';

describe('marks', () => {
  it('puts an op mark on its first step and leaves out ops without steps', () => {
    expect(opMarks([0, 1, 5, 5, 9], 12)).toEqual([1, 2, 6, 10]);
    expect(opMarks([0, 3], 3)).toEqual([1]);
  });

  it('reads ops, violations and lock acquisitions from a trace', () => {
    const marks = traceMarks({
      steps: [
        { lock: { kind: 'acquire', owner: 'mmap_sem:P' } },
        { lock: { kind: 'acquire', owner: 'av0' } },
        { lock: { kind: 'release', owner: 'av0' } },
        {},
      ],
      opStarts: [0, 2],
      violations: [{ step: 4 }, { step: 4 }, { step: 3 }],
    });
    expect(marks).toEqual({ ops: [1, 3], violations: [3, 4], locks: [2], stops: [] });
  });

  it('stops where each caption is drawn: the end of its op, or its step', () => {
    const trace = { steps: [{}, {}, {}, {}], opStarts: [0, 2], violations: [] };
    const narration = [
      { op: 1, text: 'second op' },
      { step: 2, text: 'a step' },
    ];
    expect(traceMarks(trace, narration).stops).toEqual([2, 4]);
  });

  it('finds the neighbouring mark on each side', () => {
    expect(nextMark([2, 5, 9], 5)).toBe(9);
    expect(nextMark([2, 5, 9], 9)).toBeNull();
    expect(prevMark([2, 5, 9], 5)).toBe(2);
    expect(prevMark([2, 5, 9], 2)).toBeNull();
  });

  it('snaps and shifts speeds within the list', () => {
    expect(snapSpeed(3)).toBe(2);
    expect(snapSpeed(100)).toBe(8);
    expect(snapSpeed(Number.NaN)).toBe(1);
    expect(shiftSpeed(1, 1)).toBe(2);
    expect(shiftSpeed(8, 1)).toBe(8);
    expect(shiftSpeed(0.25, -3)).toBe(0.25);
  });
});
