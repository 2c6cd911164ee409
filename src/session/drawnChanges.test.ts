import { describe, expect, it } from 'vitest';
import { replay } from '../kernel';
import type { ViewState } from '../kernel/view';
import { builtinScenarios } from '../scenarios';
import { drawnChanges, drawnKey, MAX_CHANGE_STEPS, shapeKey } from './drawnChanges';

const empty: ViewState = {
  era: '6.1',
  flags: {} as ViewState['flags'],
  processes: [],
  anonVmas: [],
  pages: [],
  cpus: [{ cpu: 0, waitingFor: null, done: false, holds: [] }],
};

/** A trace whose state at cursor i is states[i] (what drawnChanges reads of a replay). */
function fakeTrace(states: ViewState[]) {
  return {
    steps: states.slice(1).map(() => ({}) as never),
    sampleAt: <T>(ns: readonly number[], fn: (v: ViewState) => T) => ns.map((n) => fn(states[n]!)),
  };
}

const withProcess: ViewState = {
  ...empty,
  processes: [{ pid: 'P', parent: null, vmas: [] }],
};
const locked: ViewState = {
  ...empty,
  processes: [{ pid: 'P', parent: null, vmas: [], lockedBy: [0], lockMode: 'w' }],
  cpus: [{ cpu: 0, waitingFor: null, done: false, holds: [{ owner: 'mmap_sem:P', mode: 'w' }] }],
};

describe('drawnKey', () => {
  it('is equal for states drawn alike and differs for each drawn change', () => {
    expect(drawnKey({ ...empty, era: '2.6.36' })).toBe(drawnKey(empty));
    expect(drawnKey(withProcess)).not.toBe(drawnKey(empty));
    expect(drawnKey(locked)).not.toBe(drawnKey(withProcess));
    const visiting = {
      ...empty,
      cpus: [{ ...empty.cpus[0]!, visiting: { vma: 'P:0', avc: 'P:0/av0' } }],
    };
    expect(drawnKey(visiting)).not.toBe(drawnKey(empty));
    // the shape leaves the locks out, not the visits
    expect(shapeKey(locked)).toBe(shapeKey(withProcess));
    expect(shapeKey(visiting)).not.toBe(shapeKey(empty));
  });
});

describe('drawnChanges', () => {
  it('lists the cursors whose drawing differs from the one before', () => {
    const states = [empty, empty, withProcess, withProcess, locked, withProcess, withProcess];
    // 4 and 5 take and release P's mmap_sem: only a lock changed hands
    expect(drawnChanges(fakeTrace(states))).toEqual({ changes: [2, 4, 5], lockOnly: [4, 5] });
    expect(drawnChanges(fakeTrace([empty]))).toEqual({ changes: [], lockOnly: [] });
  });

  it('gives up (null: every step counts) past its budget', () => {
    const states = Array.from({ length: 50 }, (_, i) => (i % 2 ? withProcess : empty));
    expect(drawnChanges(fakeTrace(states), 200)).toBeNull();
    expect(drawnChanges(fakeTrace(states))?.changes).toHaveLength(49);
    const long = Array.from({ length: MAX_CHANGE_STEPS + 2 }, () => empty);
    expect(drawnChanges(fakeTrace(long))).toBeNull();
  });

  it('finds the steps of fork-and-cow that change nothing drawn', () => {
    const trace = replay(builtinScenarios.find((b) => b.id === 'fork-and-cow')!.scenario);
    const { changes, lockOnly } = drawnChanges(trace)!;
    const states = trace.statesAt(Array.from({ length: trace.steps.length + 1 }, (_, i) => i));
    // a step not listed draws what the step before it drew, and a listed one does not
    for (let i = 1; i < states.length; i++)
      expect(drawnKey(states[i]!) !== drawnKey(states[i - 1]!)).toBe(changes.includes(i));
    // "can [0,4) join an adjacent anonymous VMA? — no" draws nothing new; allocating av0 does
    const text = (i: number) => trace.steps[i - 1]!.text;
    expect(changes.some((i) => text(i).startsWith('can [0,4) join'))).toBe(false);
    expect(changes.some((i) => text(i).includes('a new root — av0'))).toBe(true);
    expect(changes.length).toBeLessThan(trace.steps.length);
    // mmap_read_lock(P) only takes a lock; anon_vma_alloc() adds av0 to the forest
    expect(lockOnly.some((i) => text(i) === 'mmap_read_lock(P)')).toBe(true);
    expect(lockOnly.some((i) => text(i).includes('a new root — av0'))).toBe(false);
  });
});
