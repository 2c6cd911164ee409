import { describe, expect, it } from 'vitest';
import { forkedForest } from '../graph/testForest';
import { matrixLayout } from '../layout/matrixLayout';
import { collectUniverse } from '../layout/universe';
import { PTR, pointerLayout } from './pointerLayout';

const m = matrixLayout(collectUniverse([{ cursor: 0, state: forkedForest }]));
const p = pointerLayout(forkedForest, m);

describe('pointerLayout', () => {
  it('draws every object of the state once', () => {
    expect(p.processes.map((x) => x.pid)).toEqual(['P', 'C']);
    expect(p.vmas.map((b) => b.id)).toEqual(['P:0', 'C:0']);
    expect(p.anonVmas.map((b) => b.id)).toEqual(['av0', 'av1']);
    expect(p.avcs.map((b) => b.id)).toEqual(['P:0/av0', 'C:0/av1', 'C:0/av0']);
    expect(p.pages.map((b) => b.id)).toEqual(['P:0', 'P:1', 'C:0', 'C:1', 'C:2']);
  });

  it('lays a same_vma list head to tail, left to right, after its VMA', () => {
    const row = p.avcs.filter((b) => b.vma === 'C:0');
    expect(row.map((b) => b.index)).toEqual([1, 2]);
    expect(row[0]?.x).toBeGreaterThan((p.vmas[1]?.x ?? 0) + (p.vmas[1]?.w ?? 0));
    expect(row[1]?.x).toBeGreaterThan(row[0]?.x ?? Infinity);
    expect(new Set(row.map((b) => b.y)).size).toBe(1);
    expect(p.sameVma.filter((a) => a.owner === 'C:0')).toHaveLength(2);
  });

  it('keeps the matrix order of anon_vmas and of rows', () => {
    // av1 (the child) comes before av0 in the matrix, so in the pointer view too.
    const x = Object.fromEntries(p.anonVmas.map((b) => [b.id, b.x]));
    expect(x['av1']).toBeLessThan(x['av0'] ?? -Infinity);
    expect(p.vmas[0]?.y).toBeLessThan(p.vmas[1]?.y ?? -Infinity);
    expect(p.anonVmas.every((b) => b.y + b.h < (p.vmas[0]?.y ?? 0))).toBe(true);
  });

  it('runs each same_anon_vma list from its anon_vma through its entries', () => {
    expect(p.sameAnonVma.filter((a) => a.owner === 'av0')).toHaveLength(2);
    expect(p.sameAnonVma.filter((a) => a.owner === 'av1')).toHaveLength(1);
    expect(p.family).toEqual([
      expect.objectContaining({ owner: 'av1', to: 'av0', kind: 'parent' }),
    ]);
  });

  it('fits everything and is deterministic', () => {
    for (const b of [...p.vmas, ...p.avcs, ...p.anonVmas]) {
      expect(b.x + b.w).toBeLessThanOrEqual(p.width);
      expect(b.y + b.h).toBeLessThanOrEqual(p.height);
    }
    expect(JSON.stringify(pointerLayout(forkedForest, m))).toBe(JSON.stringify(p));
    expect(p.vmas[0]?.w).toBe(PTR.vmaW - 6);
  });
});

describe('pointerLayout lanes and bands', () => {
  it('gives each same_anon_vma list tracks of its own', () => {
    // the vertical channel (the `H x` before the last `V`) of each list's hops
    const channels = (owner: string) =>
      p.sameAnonVma
        .filter((a) => a.owner === owner)
        .map((a) => Number(/H(-?[\d.]+) V/.exec(a.d)?.[1]));
    const av0 = channels('av0');
    const av1 = channels('av1');
    for (const x of av1) expect(av0).not.toContain(x);
    const runs = (owner: string) =>
      p.sameAnonVma.filter((a) => a.owner === owner).map((a) => /V([\d.]+) H/.exec(a.d)?.[1]);
    for (const y of runs('av1')) expect(runs('av0')).not.toContain(y);
  });

  it('keeps no band for a process that is not alive', () => {
    const onlyChild = {
      ...forkedForest,
      processes: forkedForest.processes.filter((x) => x.pid === 'C'),
    };
    const q = pointerLayout(onlyChild, m);
    expect(q.processes.map((x) => x.pid)).toEqual(['C']);
    // C's band moves up to where P's was
    expect(q.processes[0]?.y).toBe(p.processes[0]?.y);
    expect(q.height).toBeLessThan(p.height);
  });
});
