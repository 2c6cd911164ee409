import { describe, expect, it } from 'vitest';
import { compressScenario } from '../../codecs/urlCodec';
import { replay } from '../../kernel';
import type { Scenario } from '../../kernel';
import { traceMarks } from '../../machine/marks';
import { locksPerOp, walks } from '../../metrics/metrics';
import { layoutData, matrixLayout, withPageX } from '../layout/matrixLayout';
import { timelineMarkers } from '../timeline/timelineMarkers';
import { cpuCount } from '../cpus/cpuCount';
import { startLoad } from './loadClient';
import { chain } from './testScenarios';

const input = (scenario: Scenario, maxSteps = 1_000_000) => ({
  scenario,
  era: null,
  flags: {},
  interactive: false,
  maxSteps,
});

describe('a big load (no worker here: the same job on this thread)', () => {
  it('gives the trace of a plain replay, its states served on request', async () => {
    const sc = chain(40);
    const ref = replay(sc);
    const run = startLoad(input(sc), () => {});
    const out = await run.result;
    if (out.kind !== 'done') throw new Error(out.kind);
    const t = out.trace;
    expect(t.steps).toEqual(ref.steps);
    expect(t.opStarts).toEqual(ref.opStarts);
    expect(t.forest()).toEqual(ref.forest());
    expect(t.stateAt(0)).toEqual(ref.stateAt(0));
    // not at hand: the last state given stands in, and the wanted one is asked for
    const n = Math.floor(ref.steps.length / 2);
    expect(t.served?.has(n)).toBe(false);
    const arrived = new Promise<void>((resolve) => t.served?.subscribe(resolve));
    expect(t.stateAt(n)).toEqual(ref.stateAt(0));
    await arrived;
    expect(t.served?.has(n)).toBe(true);
    expect(t.stateAt(n)).toEqual(ref.stateAt(n));
    expect(out.families.at(-1)?.total).toBe(ref.stateAt(ref.steps.length).anonVmas.length);
  });

  it('hands over the whole-trace readings and the layout, equal to the page making them', async () => {
    const base = chain(125);
    // rmap walks too, a few chunks apart
    const walkers: Scenario['ops'] = [
      { op: 'migrate', pid: 'P70', addr: 0 },
      { op: 'reclaim', pid: 'P60', addr: 0 },
    ];
    const sc = { ...base, ops: [...base.ops.slice(0, 150), ...walkers, ...base.ops.slice(150)] };
    const ref = replay(sc);
    // several chunks of step records, so the readings are taken across message boundaries
    expect(ref.steps.length).toBeGreaterThan(2 * 4000);
    const out = await startLoad(input(sc), () => {}).result;
    if (out.kind !== 'done') throw new Error(out.kind);
    expect(out.readings.locks).toEqual(locksPerOp(ref, sc));
    expect(out.readings.markers).toEqual(timelineMarkers(ref, sc.ops));
    expect(out.readings.markers.locks.length).toBeGreaterThan(125);
    expect(out.readings.lockMarks).toEqual(traceMarks(ref).locks);
    expect(out.readings.walks).toEqual(walks(ref));
    expect(out.readings.walks.length).toBeGreaterThan(0);
    const made = matrixLayout(out.universe);
    const layout = withPageX(out.layout, out.universe);
    expect(layoutData(layout)).toEqual(layoutData(made));
    for (const addr of [out.universe.minAddr, out.universe.maxAddr, 2])
      expect(layout.pageX(addr)).toBe(made.pageX(addr));
    expect(out.link).toBe(compressScenario(sc));
    expect(out.readings.cpus).toBe(cpuCount(ref));
  });

  it('asks for the last cursor wanted only, while one is being made', async () => {
    const sc = chain(30);
    const ref = replay(sc);
    const out = await startLoad(input(sc), () => {}).result;
    if (out.kind !== 'done') throw new Error(out.kind);
    const t = out.trace;
    let arrivals = 0;
    // wait for the last cursor asked for, however long the machine takes to make it
    const lastArrived = new Promise<void>((resolve) =>
      t.served?.subscribe(() => {
        arrivals++;
        if (t.served?.has(400)) resolve();
      }),
    );
    for (const n of [100, 200, 300, 400]) t.stateAt(n);
    await lastArrived;
    expect(arrivals).toBe(2);
    expect(t.served?.has(100)).toBe(true);
    expect(t.served?.has(200)).toBe(false);
    expect(t.served?.has(300)).toBe(false);
    expect(t.stateAt(400)).toEqual(ref.stateAt(400));
  });

  it('refuses a replay past its bound, saying how far it got', async () => {
    const out = await startLoad(input(chain(40), 500), () => {}).result;
    expect(out).toMatchObject({ kind: 'refused', maxSteps: 500 });
  });
});
