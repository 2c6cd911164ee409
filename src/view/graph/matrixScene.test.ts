import { describe, expect, it } from 'vitest';
import { replay } from '../../kernel';
import { builtinScenarios } from '../../scenarios';
import { matrixLayout } from '../layout/matrixLayout';
import { collectUniverse } from '../layout/universe';
import { matrixScene } from './matrixScene';
import { forkedForest } from './testForest';

const layout = matrixLayout(collectUniverse([{ cursor: 0, state: forkedForest }]));
const scene = (changed: string[] = [], violated: string[] = [], rootLock = true) =>
  matrixScene({
    view: forkedForest,
    layout,
    changed: new Set(changed),
    violated: new Set(violated),
    rootLock,
  });

describe('matrixScene', () => {
  it('numbers each AVC on both of its lists', () => {
    const avcs = scene().avcs.map((a) => [a.id, a.chainIndex, a.treeIndex, a.own]);
    expect(avcs).toEqual([
      ['P:0/av0', 1, 1, true],
      ['C:0/av1', 1, 1, true],
      ['C:0/av0', 2, 2, false],
    ]);
  });

  it('reads a row left to right, head to root', () => {
    const row = scene().sameVma.find((l) => l.owner === 'C:0');
    const xs = row?.points.split(' ').map((p) => Number(p.split(',')[0])) ?? [];
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(xs).toHaveLength(3);
  });

  it('runs a column through its list in order', () => {
    const col = scene().sameAnonVma.find((l) => l.owner === 'av0');
    const ys = col?.points.split(' ').map((p) => Number(p.split(',')[1])) ?? [];
    expect(ys.slice(1)).toEqual([layout.vmaY['P:0'], layout.vmaY['C:0']]);
  });

  it('gives locks in Contract 4 form, and the lock to the root in root-locking eras', () => {
    const [av0, av1] = scene().columns;
    expect(av0).toMatchObject({
      locked: 'cpu0 cpu1',
      lockMode: 'r',
      waiting: 'cpu2',
      ownLock: true,
    });
    expect(av1).toMatchObject({ locked: '', waiting: '', ownLock: false });
    expect(scene([], [], false).columns[1]?.ownLock).toBe(true);
  });

  it('draws a physical page once however many entries map it', () => {
    const pfns = scene().pfns.map((p) => [p.pfn, p.anonVma, p.ptes, p.migration]);
    expect(pfns).toEqual([
      [1, 'av0', 'P:0', false],
      [2, 'av0', 'P:1 C:1', false],
      [3, 'av1', 'C:0', false],
      [4, 'av0', 'C:2', true],
    ]);
    expect(scene().links.map((l) => l.id)).toEqual(['P:0', 'P:1', 'C:0', 'C:1', 'C:2']);
  });

  it('draws the parent pointer of the family tree', () => {
    expect(scene().edges).toEqual([
      expect.objectContaining({ id: 'av1', to: 'av0', kind: 'parent' }),
    ]);
  });

  it('marks what the step changed and what a violation names', () => {
    const s = scene(['av1', 'C:0/av0', 'C:1'], ['P:0']);
    expect(s.columns.map((c) => c.changed)).toEqual([false, true]);
    expect(s.avcs.filter((a) => a.changed).map((a) => a.id)).toEqual(['C:0/av0']);
    expect(s.ptes.filter((p) => p.changed).map((p) => p.id)).toEqual(['C:1']);
    expect(s.ptes.filter((p) => p.violated).map((p) => p.id)).toEqual(['P:0']);
  });
});

describe('matrixScene before anon_vma_chain (2.6.33)', () => {
  it('draws no AVC and no same_vma list, but keeps the anon_vma lists', () => {
    const s = matrixScene({
      view: forkedForest,
      layout,
      changed: new Set(),
      violated: new Set(),
      rootLock: false,
      hasAvc: false,
    });
    expect(s.avcs).toEqual([]);
    expect(s.sameVma).toEqual([]);
    expect(s.sameAnonVma.map((l) => l.owner)).toEqual(['av0', 'av1']);
  });
});

describe('matrixScene after an anon_vma is reused (§8.6)', () => {
  it('draws the root pointer of the reused anon_vma to its new family', () => {
    const sc = builtinScenarios.find((b) => b.id === 'race-8.6')!.scenario;
    const r = replay(sc);
    const states = [0, r.steps.length].map((cursor) => ({ cursor, state: r.stateAt(cursor) }));
    const before = r.stateAt(70);
    const end = states[1]!.state;
    const lay = matrixLayout(collectUniverse([...states, { cursor: 70, state: before }]));
    const edgesAt = (view: typeof end) =>
      matrixScene({ view, layout: lay, changed: new Set(), violated: new Set(), rootLock: true })
        .edges.filter((e) => e.id === 'av1')
        .map((e) => `${e.id}->${e.to}`);
    expect(edgesAt(before)).toEqual(['av1->av0']);
    expect(edgesAt(end)).toEqual(['av1->av2']);
    const reused = (view: typeof end) =>
      matrixScene({
        view,
        layout: lay,
        changed: new Set(),
        violated: new Set(),
        rootLock: true,
      }).columns.find((c) => c.id === 'av1')!.reused;
    expect(reused(before)).toBe(0);
    expect(reused(end)).toBe(1);
  });
});
