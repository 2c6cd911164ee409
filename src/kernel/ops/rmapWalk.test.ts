// rmap walks (try_to_unmap_anon / rmap_walk_anon): which lock they hold per era and flag, and
// which VMAs they visit (spec §3.2, §4.3, §5.2–5.3, §8.2, §8.3, table 9.4).
import { describe, expect, it } from 'vitest';
import type { EraId, Flags } from '../flags';
import { fork, migrate, mprotect, oneVma, run, write } from '../testing';

/** C's COW page at 0 belongs to C's anon_vma B (trace id av1); A (av0) is the root. */
const cow = [oneVma('P', 0, 2), fork('P', 'C'), write('C', 0), migrate('C', 0)];

const walkLocks = (era: EraId, flags?: Partial<Flags>) => {
  const r = run(era, cow, flags);
  expect(r.violations).toEqual([]);
  return r
    .locks(r.last)
    .filter((l) => l.fn === 'try_to_unmap_anon' && /^av\d+$/.test(l.owner))
    .map((l) => `${l.kind} ${l.owner}:${l.mode}`);
};

describe('rmap walk locks', () => {
  it('2.6.34 / 2.6.35 lock the page anon_vma itself', () => {
    expect(walkLocks('2.6.34')).toEqual(['acquire av1:w', 'release av1:w']);
    expect(walkLocks('2.6.35')).toEqual(['acquire av1:w', 'release av1:w']);
  });

  it('2.6.36 and 3.0 lock the root exclusively (spinlock, then mutex)', () => {
    expect(walkLocks('2.6.36')).toEqual(['acquire av0:w', 'release av0:w']);
    expect(walkLocks('3.0')).toEqual(['acquire av0:w', 'release av0:w']);
  });

  it('3.8+ take the root rwsem for read', () => {
    for (const era of ['3.8', '3.19', '6.1'] as EraId[]) {
      expect(walkLocks(era), era).toEqual(['acquire av0:r', 'release av0:r']);
    }
  });

  it("Linus's deepest lock: lock the page anon_vma, then swap to the chain tail", () => {
    expect(walkLocks('2.6.34', { lockDeepest: true })).toEqual([
      'acquire av1:w',
      'release av1:w',
      'acquire av0:w',
      'release av0:w',
    ]);
  });

  it('the lock-free RFC walk takes no anon_vma lock', () => {
    const r = run('3.8', cow, { rmapWalkLock: 'none' });
    expect(r.violations).toEqual([]);
    expect(r.acquired(r.last)).toEqual([]);
    expect(r.stepsOf(r.last).some((s) => s.line === 'rcu')).toBe(true);
  });

  it("Mel's lock dance trylocks the other VMAs' anon_vmas and does not restart when they are free", () => {
    // P's page 1 (on A) is mapped by C, whose anon_vma is B
    const r = run('2.6.34', [oneVma('P', 0, 2), fork('P', 'C'), migrate('P', 1)], {
      lockDance: true,
    });
    expect(r.violations).toEqual([]);
    expect(r.stepsOf(r.last).some((s) => s.line === 'dance-trylock')).toBe(true);
    expect(r.counts.restarts ?? 0).toBe(0);
  });

  it('the walk visits the VMAs on the page anon_vma list (interval tree: only those covering the index)', () => {
    const ops = [oneVma('P', 0, 4), mprotect('P', 2, 2, 'r'), migrate('P', 3)];
    const visits = (era: EraId) => {
      const r = run(era, ops);
      expect(r.violations).toEqual([]);
      return r.stepsOf(r.last).filter((s) => s.fn === 'try_to_unmap_anon' && s.line === 'visit')
        .length;
    };
    expect(visits('2.6.36')).toBe(2);
    expect(visits('3.8')).toBe(1);
  });
});
