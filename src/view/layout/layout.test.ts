import { describe, expect, it } from 'vitest';
import { ERAS } from '../../kernel';
import type { ViewAnonVma, ViewProcess, ViewState } from '../../kernel';
import { testVma as vma } from '../graph/testForest';
import { GEOMETRY, matrixLayout } from './matrixLayout';
import { assignSlots, canFollow } from './slots';
import { collectUniverse, covers, sampleCursors } from './universe';
import type { Sample } from './universe';

function av(id: string, root = id): ViewAnonVma {
  return { id, root, refcount: 1, tree: [], lockedBy: [], lockMode: null, waiting: [], refs: [] };
}

function state(processes: ViewProcess[], anonVmas: ViewAnonVma[]): ViewState {
  return { era: '2.6.36', flags: ERAS['2.6.36'], processes, anonVmas, pages: [], cpus: [] };
}

/** The states as the samples at cursors 0, 1, 2, ... */
const trace = (...states: ViewState[]): Sample[] =>
  states.map((s, cursor) => ({ cursor, state: s }));

const beforeFork = state(
  [{ pid: 'P', parent: null, vmas: [vma('P', 0, 4, ['av0'])] }],
  [av('av0')],
);
const afterSplit = state(
  [
    { pid: 'P', parent: null, vmas: [vma('P', 0, 2, ['av0']), vma('P', 2, 4, ['av0'])] },
    { pid: 'C', parent: 'P', vmas: [vma('C', 0, 4, ['av1', 'av0'])] },
  ],
  [av('av0'), av('av1', 'av0'), av('av10'), av('av2')],
);
const onlyChild = state(
  [{ pid: 'C', parent: 'P', vmas: [vma('C', 0, 4, ['av1', 'av0'])] }],
  [av('av0'), av('av1', 'av0')],
);
const grandchild = state(
  [{ pid: 'G', parent: 'C', vmas: [vma('G', 0, 4, ['av3', 'av0'])] }],
  [av('av0'), av('av3', 'av0')],
);

describe('collectUniverse', () => {
  it('is empty for no state', () => {
    const u = collectUniverse([]);
    expect(u).toMatchObject({ pids: [], vmas: [], anonVmas: [], minAddr: 0, maxAddr: 0 });
    expect(u.samples).toEqual([]);
  });

  it('keeps every object of the trace, in a stable order, with its lifetime', () => {
    const u = collectUniverse(trace(beforeFork, afterSplit, onlyChild));
    expect(u.pids).toEqual(['P', 'C']);
    expect(u.vmas.map((v) => v.id)).toEqual(['P:0', 'P:2', 'C:0']);
    expect(u.anonVmas).toEqual(['av0', 'av1', 'av2', 'av10']);
    expect([u.minAddr, u.maxAddr]).toEqual([0, 4]);
    expect(u.processLife).toEqual({ P: { first: 0, last: 1 }, C: { first: 1, last: 2 } });
    expect(u.anonVmaLife['av10']).toEqual({ first: 1, last: 1 });
    expect(u.samples).toEqual([0, 1, 2]);
  });

  it('extends a base universe and keeps its objects', () => {
    const base = collectUniverse(trace(afterSplit));
    const z = state([{ pid: 'Z', parent: null, vmas: [vma('Z', 9, 12, ['av3'])] }], []);
    const more = collectUniverse([{ cursor: 5, state: z }], base);
    expect(more.pids).toEqual(['P', 'C', 'Z']);
    expect(more.vmas.map((v) => v.id)).toEqual(['P:0', 'P:2', 'C:0', 'Z:9']);
    expect(more.anonVmas).toEqual(['av0', 'av1', 'av2', 'av3', 'av10']);
    expect([more.minAddr, more.maxAddr]).toEqual([0, 12]);
    expect(more.samples).toEqual([0, 5]);
    expect(base.samples).toEqual([0]);
  });
});

describe('slots', () => {
  it('lets an object follow another only when a sample shows them apart', () => {
    expect(canFollow({ first: 0, last: 3 }, { first: 4, last: 9 }, [])).toBe(true);
    expect(canFollow({ first: 0, last: 3 }, { first: 3, last: 9 }, [])).toBe(false);
    expect(canFollow({ first: 0, last: 3 }, { first: 8, last: 9 }, [0, 3, 8])).toBe(false);
    expect(canFollow({ first: 0, last: 3 }, { first: 8, last: 9 }, [0, 3, 5, 8])).toBe(true);
  });

  it('packs objects that never live together into one slot', () => {
    const life = {
      a: { first: 0, last: 4 },
      b: { first: 2, last: 9 },
      c: { first: 5, last: 6 },
      d: { first: 10, last: 12 },
    };
    const every = Array.from({ length: 13 }, (_, i) => i);
    expect(assignSlots(['a', 'b', 'c', 'd'], life, every).slots).toEqual([['a', 'c', 'd'], ['b']]);
  });
});

describe('matrixLayout', () => {
  it('is deterministic', () => {
    const a = matrixLayout(collectUniverse(trace(beforeFork, afterSplit)));
    const b = matrixLayout(collectUniverse(trace(beforeFork, afterSplit)));
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(a.pageX(3)).toBe(b.pageX(3));
  });

  it('puts columns family by family (descendants first) and rows top to bottom, by process', () => {
    const l = matrixLayout(collectUniverse(trace(beforeFork, afterSplit)));
    // av1 is av0's child: left of it, so C's chain [av1, av0] reads left to right.
    const xs = ['av1', 'av0', 'av2', 'av10'].map((id) => l.columnX[id] ?? NaN);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(new Set(xs).size).toBe(4);
    const ys = ['P:0', 'P:2', 'C:0'].map((id) => l.vmaY[id] ?? NaN);
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
    expect(l.processBand['C']?.y).toBeGreaterThan(l.vmaY['P:2'] ?? Infinity);
    expect(l.processBand['P']?.height).toBeGreaterThan(2 * GEOMETRY.vmaHeight);
    expect(l.pageX(1) - l.pageX(0)).toBeCloseTo(l.cell);
    expect(l.width).toBeGreaterThan((l.columnX['av10'] ?? 0) + GEOMETRY.anonVmaRadius);
    // Families are set apart.
    expect((l.columnX['av2'] ?? 0) - (l.columnX['av0'] ?? 0)).toBe(
      GEOMETRY.columnWidth + GEOMETRY.familyGap,
    );
    // The child's node sits a generation below its root's, both above the header.
    expect(l.nodeY['av1']).toBeGreaterThan(l.nodeY['av0'] ?? Infinity);
    expect(l.headerTop).toBeGreaterThan(l.nodeY['av1'] ?? Infinity);
    expect(l.rowsTop).toBeGreaterThanOrEqual(l.shelfTop);
    expect(l.height).toBeGreaterThan(l.vmaY['C:0'] ?? Infinity);
  });

  it('lets a process born after another died take its band, and likewise for columns', () => {
    const l = matrixLayout(collectUniverse(trace(beforeFork, afterSplit, onlyChild, grandchild)));
    expect(l.processBand['G']?.y).toBe(l.processBand['P']?.y);
    expect(l.processBand['C']?.y).toBeGreaterThan(l.processBand['P']?.y ?? Infinity);
    // av1 lives until step 2, av3 from step 3: one column; av0 lives throughout.
    expect(l.columnX['av3']).toBe(l.columnX['av1']);
    expect(l.columnX['av0']).not.toBe(l.columnX['av1']);
  });

  it('keeps a wide address space within the strip', () => {
    const wide = state([{ pid: 'P', parent: null, vmas: [vma('P', 0, 100_000, [])] }], []);
    const l = matrixLayout(collectUniverse(trace(wide)));
    expect(l.cell).toBe(GEOMETRY.minCell);
    expect(l.stripWidth).toBeGreaterThan(0);
  });

  it('gives every anon_vma a colour', () => {
    const l = matrixLayout(collectUniverse(trace(afterSplit)));
    expect(Object.keys(l.color).sort()).toEqual(['av0', 'av1', 'av10', 'av2']);
  });
});

describe('sampleCursors', () => {
  it('takes every step of a short trace', () => {
    expect(sampleCursors(3, [0, 2])).toEqual([0, 1, 2, 3]);
  });
  it('takes op boundaries and the end of a long trace', () => {
    expect(sampleCursors(1000, [0, 400, 999], 10)).toEqual([0, 400, 999, 1000]);
  });
  it('takes evenly spaced op starts when a trace has more ops than the budget', () => {
    const starts = Array.from({ length: 2003 }, (_, i) => i * 10);
    const picks = sampleCursors(30000, starts, 600);
    expect(picks.length).toBeLessThanOrEqual(603);
    expect(picks[0]).toBe(0);
    expect(picks).toContain(20020);
    expect(picks.at(-1)).toBe(30000);
    expect(picks.every((c, i) => i === 0 || c > picks[i - 1]!)).toBe(true);
  });
});

describe('canFollow', () => {
  it('needs a sample between two lifetimes, found by halving', () => {
    const samples = [0, 5, 9, 14, 20];
    expect(canFollow({ first: 0, last: 5 }, { first: 9, last: 12 }, samples)).toBe(false);
    expect(canFollow({ first: 0, last: 5 }, { first: 10, last: 12 }, samples)).toBe(true);
    expect(canFollow({ first: 0, last: 5 }, { first: 6, last: 12 }, samples)).toBe(true);
    expect(canFollow({ first: 0, last: 14 }, { first: 20, last: 22 }, samples)).toBe(false);
    expect(canFollow({ first: 0, last: 20 }, { first: 25, last: 30 }, samples)).toBe(false);
    expect(canFollow({ first: 0, last: 9 }, { first: 5, last: 30 }, samples)).toBe(false);
  });
});

describe('covers', () => {
  it('tells whether a state fits a universe', () => {
    const u = collectUniverse(trace(beforeFork));
    expect(covers(u, beforeFork)).toBe(true);
    expect(covers(u, afterSplit)).toBe(false);
    expect(covers(collectUniverse(trace(beforeFork, afterSplit)), beforeFork)).toBe(true);
  });
});
