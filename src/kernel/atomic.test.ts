// Atomic counters and fresh ids as explore records them: two adds commute, a dec-and-test or a
// plain read of the count does not commute with an add, and a fresh id leaves no footprint.
import { describe, expect, it } from 'vitest';
import { atomicAdd, atomicAddReturn, freshId } from './atomic';
import { dependent } from './exploreEvents';
import { newFootprint, recordInto, type Footprint } from './exploreTrack';
import { Tracking } from './exploreTracking';

interface Obj {
  count: number;
  next: number;
}

function tracked(): { o: Obj; t: Tracking } {
  const t = new Tracking();
  t.begin();
  const o = t.clone({ count: 2, next: 7 });
  return { o, t };
}

function step(fn: () => void): Footprint {
  const fp = newFootprint();
  recordInto(fp);
  try {
    fn();
  } finally {
    recordInto(null);
  }
  return fp;
}

describe('atomic counters', () => {
  it('are plain arithmetic outside explore', () => {
    const o: Obj = { count: 2, next: 7 };
    expect(atomicAdd(o, 'count', 1)).toBe(3);
    expect(atomicAddReturn(o, 'count', -3)).toBe(0);
    expect(freshId(o, 'next')).toBe(7);
    expect(o).toEqual({ count: 0, next: 8 });
  });

  it('two adds commute and reach the same state in either order', () => {
    const { o, t } = tracked();
    const inc = step(() => atomicAdd(o, 'count', 1));
    const dec = step(() => atomicAdd(o, 'count', -1));
    expect(dependent(inc, dec)).toBe(false);
    expect(o.count).toBe(2);
    const h = t.stateHash();
    step(() => atomicAdd(o, 'count', -1));
    step(() => atomicAdd(o, 'count', 1));
    expect(t.stateHash()).toEqual(h);
    t.end();
  });

  it('an add conflicts with a dec-and-test and with a read of the count', () => {
    const { o, t } = tracked();
    const inc = step(() => atomicAdd(o, 'count', 1));
    const test = step(() => atomicAddReturn(o, 'count', -1));
    const read = step(() => void o.count);
    expect(dependent(inc, test)).toBe(true);
    expect(dependent(inc, read)).toBe(true);
    expect(dependent(test, test)).toBe(true);
    t.end();
  });

  it('a fresh id leaves no footprint', () => {
    const { o, t } = tracked();
    const a = step(() => freshId(o, 'next'));
    expect(a.r.size + a.w.size + a.a.size).toBe(0);
    expect(o.next).toBe(8);
    t.end();
  });
});
