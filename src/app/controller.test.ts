import { describe, expect, it } from 'vitest';
import { SimulatedClock } from 'xstate';
import { PLAY_INTERVAL_MS } from '../machine/playback';
import { sessionOf } from '../session/current';
import { createAppStore } from '../store';
import { createPageController } from './controller';

const spawnP = { op: 'spawn', pid: 'P' } as const;
const mmapP = { op: 'mmap', pid: 'P', addr: 0, pages: 4 } as const;

describe('the page controller', () => {
  it('opens the store session at the link step, its trace in the machine', () => {
    const store = createAppStore();
    store.getState().loadBuiltin('race-8.1');
    const c = createPageController(store, { step: 'end' });
    const ctx = c.actor.getSnapshot().context;
    const session = sessionOf(store.getState());
    expect(session?.ok && ctx.trace).toBe(session?.ok && session.trace);
    expect(ctx.cursor).toBe(ctx.total);
    expect(ctx.marks.violations.length).toBeGreaterThan(0);
    c.stop();
  });

  it('hands a new trace over in the same tick as the store change', () => {
    const store = createAppStore();
    store.getState().newScenario();
    const c = createPageController(store);
    const ctx = () => c.actor.getSnapshot().context;
    expect(ctx().total).toBe(0);
    store.getState().appendOp(spawnP);
    // an edit opens at the end of the new trace, before anything renders
    expect(ctx().total).toBeGreaterThan(0);
    expect(ctx().cursor).toBe(ctx().total);
    store.getState().appendOp(mmapP);
    expect(ctx().cursor).toBe(ctx().total);
    const session = sessionOf(store.getState());
    expect(session?.ok && session.trace).toBe(ctx().trace);
    c.stop();
  });

  it('keeps the cursor for an era change, starts another scenario at 0', () => {
    const store = createAppStore();
    store.getState().loadBuiltin('race-8.1');
    const c = createPageController(store, { step: 10 });
    const ctx = () => c.actor.getSnapshot().context;
    const before = ctx().trace;
    store.getState().setEra('3.0');
    expect(ctx().trace).not.toBe(before);
    expect(ctx().cursor).toBe(10);
    store.getState().setHovered('av0');
    expect(ctx().cursor).toBe(10);
    store.getState().loadBuiltin('fork-and-cow');
    expect(ctx().cursor).toBe(0);
    c.stop();
  });

  it('opens the home page at the first caption, and steps by what changed in the graph', () => {
    const store = createAppStore();
    store.getState().loadBuiltin('fork-and-cow');
    const c = createPageController(store, { home: true });
    const ctx = () => c.actor.getSnapshot().context;
    expect(ctx().cursor).toBe(ctx().marks.stops[0]);
    expect(ctx().cursor).toBeGreaterThan(0);
    // the changes reach the machine: → passes steps that draw nothing new
    expect(ctx().landings!.length).toBeLessThan(ctx().total);
    c.actor.send({ type: 'START' });
    c.actor.send({ type: 'STEP' });
    c.actor.send({ type: 'STEP' });
    c.actor.send({ type: 'STEP' });
    expect(ctx().cursor).toBeGreaterThan(3);
    // a link's step wins, even 0; and an embed (micro) takes every step
    const linked = createPageController(store, { home: true, step: 0 });
    expect(linked.actor.getSnapshot().context.cursor).toBe(0);
    const embed = createPageController(store, { micro: true });
    embed.actor.send({ type: 'STEP' });
    expect(embed.actor.getSnapshot().context.cursor).toBe(1);
    for (const x of [c, linked, embed]) x.stop();
  });

  it('defers where → lands until settle(), the cursor kept', () => {
    const store = createAppStore();
    store.getState().loadBuiltin('fork-and-cow');
    const eager = createPageController(store, { home: true });
    const c = createPageController(store, { home: true, deferChanges: true });
    const ctx = () => c.actor.getSnapshot().context;
    const at = ctx().cursor;
    expect(at).toBe(eager.actor.getSnapshot().context.cursor);
    expect(ctx().landings).toBeNull();
    c.settle();
    expect(ctx().cursor).toBe(at);
    expect(ctx().landings).toEqual(eager.actor.getSnapshot().context.landings);
    // once: a second settle changes nothing
    const before = ctx();
    c.settle();
    expect(ctx()).toBe(before);
    // a new scenario brings its own changes at once
    const d = createPageController(store, { deferChanges: true });
    store.getState().loadBuiltin('race-8.1');
    expect(d.actor.getSnapshot().context.landings).not.toBeNull();
    for (const x of [eager, c, d]) x.stop();
  });

  it('gives the machine an embed range, speed and autoplay', () => {
    const store = createAppStore();
    store.getState().loadBuiltin('race-8.1');
    const clock = new SimulatedClock();
    const c = createPageController(store, {
      step: 0,
      range: { start: 5, end: 8 },
      speed: 2,
      autoplay: true,
      clock,
    });
    const snap = () => c.actor.getSnapshot();
    expect(snap().context.cursor).toBe(5);
    expect(snap().matches('playing')).toBe(true);
    for (let i = 0; i < 5; i++) clock.increment(PLAY_INTERVAL_MS / 2);
    expect(snap().context.cursor).toBe(8);
    expect(snap().matches('idle')).toBe(true);
    c.stop();
  });
});
