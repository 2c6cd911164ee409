import { describe, expect, it } from 'vitest';
import { replay } from '../kernel/replay';
import type { Scenario } from '../kernel/scenarioTypes';
import { registerBigOpener, type BigLoadJob } from '../session/bigLoads';
import { isBigScenario } from '../session/bigScenario';
import { sessionOf } from '../session/current';
import { primeTrace } from '../session/traces';
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

describe('a big scenario is replayed again in the load worker, not here', () => {
  /** A fork chain of 200 processes: 403 ops, over the page's bound for replaying on its thread. */
  function bigChain(): Scenario {
    const ops: Scenario['ops'] = [spawnP, mmapP, { op: 'touch', pid: 'P', addr: 0, write: true }];
    for (let i = 1; i <= 200; i++) {
      const parent = i === 1 ? 'P' : `C${i - 1}`;
      ops.push({ op: 'fork', pid: parent, child: `C${i}` });
      ops.push({ op: 'touch', pid: `C${i}`, addr: 0, write: true });
    }
    return { format: 'anon-vma-forest/scenario@1', title: 'big chain', era: '6.1', ops };
  }

  it('hands another era, a flag and interactive mode to the loader and commits nothing yet', () => {
    const jobs: BigLoadJob[] = [];
    const unregister = registerBigOpener((job) => jobs.push(job));
    try {
      const store = createAppStore();
      const big = bigChain();
      expect(isBigScenario(big)).toBe(true);
      // as the loader leaves it: the store holds the scenario, its trace is in the service
      primeTrace({ scenario: big, era: null, flags: {}, interactive: false }, replay(big));
      store.setState({ custom: big, eraOverride: null, flagsOverride: {}, cursorIntent: 'start' });
      expect(store.getState().setEra('2.6.36')).toEqual({ ok: true });
      expect(store.getState().setFlag('rootLock', false)).toEqual({ ok: true });
      expect(store.getState().setInteractive(true)).toEqual({ ok: true });
      expect(jobs).toEqual([
        expect.objectContaining({ scenario: big, source: 'edit', era: '2.6.36', step: 'keep' }),
        expect.objectContaining({ source: 'edit', era: null, flags: { rootLock: false } }),
        expect.objectContaining({ source: 'edit', interactive: true }),
      ]);
      // the open state is as it was until the loader commits
      expect(store.getState()).toMatchObject({
        eraOverride: null,
        flagsOverride: {},
        interactive: false,
      });
    } finally {
      unregister();
    }
  });

  it('commits at once when the trace for the new inputs is at hand', () => {
    const jobs: BigLoadJob[] = [];
    const unregister = registerBigOpener((job) => jobs.push(job));
    try {
      const store = createAppStore();
      const big = bigChain();
      primeTrace({ scenario: big, era: null, flags: {}, interactive: false }, replay(big));
      primeTrace(
        { scenario: big, era: '3.0', flags: {}, interactive: false },
        replay(big, { era: '3.0' }),
      );
      store.setState({ custom: big, eraOverride: null, flagsOverride: {}, cursorIntent: 'start' });
      expect(store.getState().setEra('3.0')).toEqual({ ok: true });
      expect(jobs).toEqual([]);
      expect(store.getState().eraOverride).toBe('3.0');
    } finally {
      unregister();
    }
  });
});
