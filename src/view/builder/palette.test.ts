import { describe, expect, it } from 'vitest';
import { replay } from '../../kernel';
import type { Scenario, ScenarioOp } from '../../kernel';
import { emptyScenario, withOp } from '../../session/edit';
import { nextChild, nextPid, nextRef } from './names';
import { paletteActions } from './palette';
import type { PaletteAction } from './palette';
import { staleSelection, targetFor } from './target';

function build(ops: ScenarioOp[], era: Scenario['era'] = '2.6.36'): Scenario {
  return ops.reduce(withOp, emptyScenario(era));
}

function endOf(sc: Scenario) {
  const r = replay(sc);
  return r.stateAt(r.steps.length);
}

function byId(actions: PaletteAction[], id: string): PaletteAction {
  const a = actions.find((x) => x.id === id);
  if (!a) throw new Error(`no action ${id}`);
  return a;
}

/** Clicks `id` with the default target (nothing selected) and appends its op. */
function click(sc: Scenario, id: string): Scenario {
  const end = endOf(sc);
  const a = byId(paletteActions(sc, end, targetFor(end, null)), id);
  if (!a.op) throw new Error(`${id} is disabled: ${a.disabled}`);
  return withOp(sc, a.op);
}

describe('fresh names', () => {
  it('names processes P, Q, … children P.c1, … and refs k1, …', () => {
    const sc = build([
      { op: 'spawn', pid: 'P' },
      { op: 'fork', pid: 'P', child: 'P.c1' },
      { op: 'ksm_get', pid: 'P', addr: 0, ref: 'k1' },
    ]);
    expect(nextPid(sc)).toBe('Q');
    expect(nextChild(sc, 'P')).toBe('P.c2');
    expect(nextChild(sc, 'P.c1')).toBe('P.c1.c1');
    expect(nextRef(sc)).toBe('k2');
    expect(nextPid(emptyScenario('6.1'))).toBe('P');
  });
});

describe('targets', () => {
  it('splits ids and follows the selection', () => {
    const sc = build([
      { op: 'spawn', pid: 'P' },
      { op: 'mmap', pid: 'P', addr: 0, pages: 4 },
      { op: 'touch', pid: 'P', addr: 2, write: true },
      { op: 'fork', pid: 'P', child: 'C' },
    ]);
    const end = endOf(sc);
    expect(targetFor(end, null)).toEqual({ pid: 'C', addr: 0, pages: 4 });
    expect(targetFor(end, { kind: 'page', id: 'P:2' })).toEqual({ pid: 'P', addr: 2, pages: 1 });
    expect(targetFor(end, { kind: 'vma', id: 'P:0' })).toEqual({ pid: 'P', addr: 0, pages: 4 });
    expect(targetFor(end, { kind: 'avc', id: 'C:0/av0' })).toMatchObject({ pid: 'C', addr: 0 });
    expect(targetFor(end, { kind: 'process', id: 'P' })).toMatchObject({ pid: 'P' });
    expect(targetFor(end, { kind: 'anon_vma', id: 'av0' })).toMatchObject({ addr: 0 });
    expect(staleSelection(end, { kind: 'vma', id: 'Z:0' })).toMatch(/no longer exists/);
    expect(staleSelection(end, { kind: 'vma', id: 'P:0' })).toBeNull();
  });
});

describe('palette', () => {
  it('only offers spawn on an empty scenario, and says why for the rest', () => {
    const sc = emptyScenario('6.1');
    const end = endOf(sc);
    const actions = paletteActions(sc, end, targetFor(end, null));
    expect(byId(actions, 'spawn').op).toEqual({ op: 'spawn', pid: 'P' });
    for (const a of actions.filter((x) => x.id !== 'spawn')) {
      expect(a.op, a.id).toBeNull();
      expect(a.disabled, a.id).toMatch(/first/);
    }
  });

  it('builds spawn, mmap, write, fork, write in the child by default targets', () => {
    let sc = emptyScenario('2.6.36');
    for (const id of ['spawn', 'mmap', 'write', 'fork', 'write']) sc = click(sc, id);
    expect(sc.ops).toEqual([
      { op: 'spawn', pid: 'P' },
      { op: 'mmap', pid: 'P', addr: 0, pages: 4 },
      { op: 'touch', pid: 'P', addr: 0, write: true },
      { op: 'fork', pid: 'P', child: 'P.c1' },
      { op: 'touch', pid: 'P.c1', addr: 0, write: true },
    ]);
    const end = endOf(sc);
    const child = end.processes.find((p) => p.pid === 'P.c1');
    expect(child?.vmas[0]?.chain.length).toBe(2);
  });

  it('maps a second VMA one page after the last, and every enabled op replays', () => {
    let sc = emptyScenario('3.19');
    for (const id of ['spawn', 'mmap', 'write', 'mmap']) sc = click(sc, id);
    expect(sc.ops[3]).toEqual({ op: 'mmap', pid: 'P', addr: 5, pages: 4 });
    const end = endOf(sc);
    const target = targetFor(end, { kind: 'page', id: 'P:0' });
    for (const a of paletteActions(sc, end, target)) {
      if (a.op) expect(() => replay(withOp(sc, a.op!)), a.id).not.toThrow();
    }
    expect(byId(paletteActions(sc, end, target), 'ksm-put').disabled).toMatch(/KSM get first/);
    const withRef = click(withOp(sc, { op: 'ksm_get', pid: 'P', addr: 0, ref: 'k1' }), 'ksm-put');
    expect(withRef.ops.at(-1)).toEqual({ op: 'ksm_put', ref: 'k1' });
  });

  it('needs a page for migrate and KSM get', () => {
    const sc = build([
      { op: 'spawn', pid: 'P' },
      { op: 'mmap', pid: 'P', addr: 0, pages: 4 },
    ]);
    const end = endOf(sc);
    const actions = paletteActions(sc, end, targetFor(end, null));
    expect(byId(actions, 'migrate').disabled).toMatch(/no anonymous page at P:0/);
    expect(byId(actions, 'write').op).not.toBeNull();
  });
});
