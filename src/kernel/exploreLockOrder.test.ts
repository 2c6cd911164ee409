// Which lock waits may commute in explore's race relation: those that follow the lock order.
import { describe, expect, it } from 'vitest';
import { LockOrder } from './exploreLockOrder';
import { newFootprint, type Footprint } from './exploreTrack';

const RANKS = new Map([
  [1, 0], // mmap_lock
  [2, 2], // a page lock
  [3, 3], // an anon_vma lock
  [4, 3], // another anon_vma lock
]);

function op(locks: [number, 'acq' | 'rel-r' | 'rel-w' | 'both'][]): Footprint {
  const fp = newFootprint();
  fp.locks = new Map(locks);
  return fp;
}

describe('the lock order of explore', () => {
  it('lets a wait commute when every lock held ranks below it', () => {
    const o = new LockOrder((id) => RANKS.get(id));
    o.enter(2);
    expect(o.commutes(0, 1)).toBe(true);
    o.update(0, op([[1, 'acq']]));
    o.update(0, op([[2, 'acq']]));
    expect(o.commutes(0, 3)).toBe(true);
    // the other CPU holds nothing
    expect(o.commutes(1, 1)).toBe(true);
  });

  it('keeps a wait against the order (or for a lock of unknown rank) a conflict', () => {
    const o = new LockOrder((id) => RANKS.get(id));
    o.enter(2);
    o.update(0, op([[3, 'acq']]));
    // a second anon_vma lock while holding one: the deadlock's shape
    expect(o.commutes(0, 4)).toBe(false);
    expect(o.commutes(0, 1)).toBe(false);
    expect(o.commutes(0, 99)).toBe(false);
    o.update(0, op([[3, 'rel-w']]));
    expect(o.commutes(0, 4)).toBe(true);
  });

  it('forgets what a CPU held when a block begins, and a lock taken and dropped in one step', () => {
    const o = new LockOrder((id) => RANKS.get(id));
    o.enter(1);
    o.update(0, op([[3, 'both']]));
    expect(o.commutes(0, 4)).toBe(true);
    o.update(0, op([[3, 'acq']]));
    expect(o.commutes(0, 4)).toBe(false);
    o.enter(1);
    expect(o.commutes(0, 4)).toBe(true);
  });
});
