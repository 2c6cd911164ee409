import { describe, expect, it } from 'vitest';
import { sessionOf } from '../session/current';
import { catalog } from '../session/catalog';
import { createAppStore } from './index';

const spawnP = { op: 'spawn', pid: 'P' } as const;
const mmapP = { op: 'mmap', pid: 'P', addr: 0, pages: 4 } as const;

function fresh() {
  const store = createAppStore();
  store.getState().newScenario();
  return store;
}

describe('session slice', () => {
  it('starts a new empty scenario under the era in use', () => {
    const store = createAppStore();
    store.getState().setEra('3.0');
    store.getState().newScenario();
    const s = store.getState();
    expect(s.custom).toMatchObject({ title: 'My forest', era: '3.0', ops: [] });
    expect(s.eraOverride).toBeNull();
    expect(s.cursorIntent).toBe('start');
    expect(sessionOf(s)?.ok).toBe(true);
  });

  it('appends ops, moves the cursor to the end, undoes', () => {
    const store = fresh();
    expect(store.getState().appendOp(spawnP)).toEqual({ ok: true });
    expect(store.getState().appendOp(mmapP)).toEqual({ ok: true });
    expect(store.getState().custom?.ops).toEqual([spawnP, mmapP]);
    expect(store.getState().cursorIntent).toBe('end');
    expect(store.getState().undoOp()).toEqual({ ok: true });
    expect(store.getState().custom?.ops).toEqual([spawnP]);
  });

  it('rejects an op the model refuses and keeps the previous scenario', () => {
    const store = fresh();
    store.getState().appendOp(spawnP);
    const before = store.getState().custom;
    const refused = store.getState().appendOp({ op: 'touch', pid: 'P', addr: 9, write: true });
    expect(refused).toMatchObject({
      ok: false,
      error: expect.stringMatching(/no VMA covers address 9/),
    });
    expect(store.getState().custom).toBe(before);
    expect(store.getState().appendOp(mmapP)).toEqual({ ok: true });
  });

  it('edits a built-in into a custom copy without its expectations', () => {
    const store = createAppStore();
    const entry = catalog[0];
    if (!entry) throw new Error('no scenario');
    store.getState().loadBuiltin(entry.id);
    store.getState().appendOp({ op: 'spawn', pid: 'ZZ' });
    const custom = store.getState().custom;
    expect(custom?.ops.length).toBe(entry.scenario.ops.length + 1);
    expect(custom?.expect).toBeUndefined();
    expect(entry.scenario.ops.length).toBe(custom!.ops.length - 1); // the built-in is untouched
    store.getState().loadBuiltin(entry.id);
    expect(store.getState().custom).toBeNull();
  });

  it('keeps flag overrides that differ from the era and drops the others', () => {
    const store = fresh();
    store.getState().setEra('2.6.36');
    store.getState().newScenario();
    store.getState().setFlag('pinRoot', false);
    expect(store.getState().flagsOverride).toEqual({ pinRoot: false });
    store.getState().setFlag('pinRoot', true); // 2.6.36's own value
    expect(store.getState().flagsOverride).toEqual({});
    store.getState().setFlag('chainLimit', 3);
    store.getState().setFlag('lockKind', 'mutex');
    store.getState().setFlag('chainLimit', undefined);
    expect(store.getState().flagsOverride).toEqual({ lockKind: 'mutex' });
    store.getState().resetFlags();
    expect(store.getState().flagsOverride).toEqual({});
  });

  it('replays under the flags and in interactive mode', () => {
    const store = fresh();
    store.getState().setInteractive(true);
    const s = store.getState();
    expect(s.interactive).toBe(true);
    const session = sessionOf(s);
    expect(session?.ok && session.interactive).toBe(true);
  });

  it('sets a parallel block schedule and refuses one for another op', () => {
    const store = fresh();
    const st = () => store.getState();
    st().appendOp(spawnP);
    st().appendOp(mmapP);
    st().appendOp({
      op: 'parallel',
      threads: [[{ op: 'touch', pid: 'P', addr: 0 }], [{ op: 'touch', pid: 'P', addr: 1 }]],
    });
    expect(st().setSchedule(2, [1, 0])).toEqual({ ok: true });
    expect(st().custom?.ops[2]).toMatchObject({ schedule: [1, 0] });
    expect(st().setSchedule(0, [0])).toMatchObject({
      ok: false,
      error: expect.stringMatching(/not a parallel block/),
    });
    expect(st().setSchedule(2, [5])).toMatchObject({ ok: false });
  });

  it('tells a refusal on the notices', () => {
    const store = fresh();
    const result = store.getState().undoOp();
    expect(store.getState().notifyRefusal(result)).toBe(result);
    expect(store.getState().notices.map((n) => n.text)).toEqual([
      'Not applied: Nothing to undo. The forest is unchanged.',
    ]);
    store.getState().notifyRefusal({ ok: true });
    expect(store.getState().notices).toHaveLength(1);
  });

  it('undo with nothing to undo is an error, not a crash', () => {
    const store = fresh();
    expect(store.getState().undoOp()).toEqual({ ok: false, error: 'Nothing to undo.' });
  });
});
