// The footprints the reduction relies on: two adjacent micro-steps of different CPUs that they
// call independent must commute. On random interleavings of the built-in races' blocks (with a
// random op added), swapping such a pair and running the same schedule on must give the same
// state and the same violations, with every CPU able to take its step in the new order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinScenarios } from '../scenarios';
import { dependent } from './exploreEvents';
import { lockMeaning, newFootprint, recordInto, type Footprint } from './exploreTrack';
import { Tracking } from './exploreTracking';
import { effectiveFlags, runScenario } from './replay';
import { choiceArb, interpret } from './randomOps';
import { ScenarioError, type ParallelOp, type Scenario } from './scenarioTypes';
import { stateKey } from './stateHash';
import type { Page, State, Vma } from './state';

const RUNS = Number(process.env.COMMUTE_RUNS ?? 150);

const RACES = builtinScenarios.flatMap(({ scenario }) => {
  if (!scenario.ops.some((o) => o.op === 'parallel')) return [];
  const { flags: _own, ...rest } = scenario;
  const settings = [...(scenario.expect?.breaks ?? []), ...(scenario.expect?.holds ?? [])];
  return settings.map((s) => ({
    era: s.era,
    sc: (s.flags ? { ...rest, flags: s.flags } : rest) as Scenario,
  }));
});

/** Run `sc` from its first block choosing CPUs by `pick`, with each parallel step's footprint. */
function tracked(
  sc: Scenario,
  era: (typeof RACES)[number]['era'],
  pick: (ready: number[], i: number) => number,
) {
  const { flags } = effectiveFlags(sc, { era });
  const at = sc.ops.findIndex((o) => o.op === 'parallel');
  const pre = runScenario({ ...sc, ops: sc.ops.slice(0, at) }, era, flags, {});
  const base = { state: pre.s, op: at, taken: pre.taken };
  const tracking = new Tracking();
  tracking.begin();
  const fps: Footprint[] = [];
  const cpus: number[] = [];
  const blocks: number[] = [];
  let fp: Footprint | null = null;
  try {
    runScenario(sc, era, flags, {
      base: { ...base, copy: (s) => tracking.clone(s) },
      chooser: (ready, block) => {
        tracking.adoptPending();
        const c = pick(ready, cpus.length);
        cpus.push(c);
        blocks.push(block);
        return c;
      },
      hooks: {
        before: (_cpu, par) => {
          if (!par) return;
          fp = newFootprint();
          fp.cpu = _cpu;
          recordInto(fp);
        },
        after: (_cpu, par) => {
          recordInto(null);
          tracking.adoptPending();
          if (par && fp) {
            lockMeaning(fp, tracking);
            fps.push(fp);
          }
          fp = null;
        },
        mark: () => undefined,
        violation: () => undefined,
      },
    });
  } finally {
    recordInto(null);
    tracking.end();
  }
  return { flags, base, fps, cpus, blocks };
}

/** The same scenario run plainly along `schedule`: its end state and violations. */
function plain(sc: Scenario, era: string, r: ReturnType<typeof tracked>, schedule: number[]) {
  let i = 0;
  const run = runScenario(sc, era as never, r.flags, {
    base: r.base,
    chooser: (ready) => {
      const c = schedule[i++];
      if (c === undefined || !ready.includes(c)) throw new Error(`cpu${c} cannot move at ${i - 1}`);
      return c;
    },
  });
  const pfns = renumber(run.s, r.base.state);
  const viol = run.violations
    .map(
      (v) => `${v.kind}: ${v.message.replace(/page (\d+)/g, (_, n) => `page ${pfns(Number(n))}`)}`,
    )
    .sort();
  return { key: stateKey(run.s), viol };
}

/**
 * Fresh ids (page frame numbers and VMA serials handed out since `base`) renumbered in the order
 * the state's walk meets them: two allocations commute (atomic.ts), giving states equal up to a
 * renaming of those numbers. Returns the renaming of page frame numbers (unknown ones: '?').
 */
function renumber(s: State, base: State): (pfn: number) => number | string {
  const pfn = new Map<number, number>();
  const serial = new Map<number, number>();
  const page = (p: Page) => {
    if (p.pfn < base.nextPfn) return;
    if (!pfn.has(p.pfn)) pfn.set(p.pfn, base.nextPfn + pfn.size);
  };
  const vma = (v: Vma) => {
    if (v.serial >= base.nextVma && !serial.has(v.serial))
      serial.set(v.serial, base.nextVma + serial.size);
  };
  for (const mm of s.mms.values()) {
    for (const w of mm.writeLocked) vma(w.vma);
    for (const v of mm.vmas) vma(v);
    for (const [, p] of [...mm.ptes].sort((x, y) => x[0] - y[0])) page(p.page);
  }
  for (const a of s.anonVmas) for (const c of a.list) vma(c.vma);
  const pages = new Set<Page>();
  const vmas = new Set<Vma>();
  for (const mm of s.mms.values()) {
    for (const w of mm.writeLocked) vmas.add(w.vma);
    for (const v of mm.vmas) vmas.add(v);
    for (const [, p] of mm.ptes) pages.add(p.page);
  }
  for (const a of s.anonVmas) for (const c of a.list) vmas.add(c.vma);
  for (const p of pages) p.pfn = pfn.get(p.pfn) ?? p.pfn;
  for (const v of vmas) v.serial = serial.get(v.serial) ?? v.serial;
  return (n) => (n < base.nextPfn ? n : (pfn.get(n) ?? '?'));
}

describe('independent steps commute', () => {
  it('swapping two adjacent independent steps changes nothing', () => {
    let swapped = 0;
    fc.assert(
      fc.property(
        fc.nat({ max: RACES.length - 1 }),
        fc.option(choiceArb, { nil: undefined }),
        fc.array(fc.nat({ max: 7 }), { minLength: 200, maxLength: 200 }),
        fc.nat(),
        (which, extra, picks, where) => {
          const { era, sc: race } = RACES[which]!;
          const at = race.ops.findIndex((o) => o.op === 'parallel');
          const block = race.ops[at] as ParallelOp;
          // every block without its schedule: each parallel step is then one chooser call, so
          // the chooser's picks line up with the footprints
          let sc: Scenario = {
            ...race,
            ops: race.ops.map((o) =>
              o.op === 'parallel' ? { op: 'parallel' as const, threads: o.threads } : o,
            ),
          };
          let r: ReturnType<typeof tracked>;
          let before: ReturnType<typeof plain>;
          try {
            if (extra) {
              const { flags } = effectiveFlags(sc, { era });
              const s = runScenario({ ...sc, ops: sc.ops.slice(0, at) }, era, flags, {}).s;
              let fresh = 1000;
              const op = interpret(s, extra, () => fresh++).slice(0, 1);
              const threads = [...block.threads, ...(op.length > 0 ? [op] : [])];
              sc = {
                ...sc,
                ops: sc.ops.map((o, i) => (i === at ? { op: 'parallel', threads } : o)),
              };
            }
            r = tracked(
              sc,
              era,
              (ready, i) => ready[(picks[i % picks.length] ?? 0) % ready.length]!,
            );
            before = plain(sc, era, r, r.cpus);
          } catch (e) {
            if (e instanceof ScenarioError) return;
            throw e;
          }
          // the first adjacent pair of different CPUs of one block, from `where` on, that the
          // footprints call independent (a block's end is a barrier: no step crosses it)
          const n = r.fps.length;
          for (let k = 0; k + 1 < n; k++) {
            const j = (where + k) % (n - 1);
            if (r.blocks[j] !== r.blocks[j + 1]) continue;
            if (r.cpus[j] === r.cpus[j + 1] || dependent(r.fps[j]!, r.fps[j + 1]!)) continue;
            const schedule = [...r.cpus];
            [schedule[j], schedule[j + 1]] = [schedule[j + 1]!, schedule[j]!];
            const after = plain(sc, era, r, schedule);
            const what = `${era} ${JSON.stringify(sc.flags ?? {})} ${JSON.stringify(sc.ops[at])} swap at ${j} of ${JSON.stringify(r.cpus)}`;
            expect(after.key, what).toBe(before.key);
            expect(after.viol, what).toEqual(before.viol);
            swapped++;
            return;
          }
        },
      ),
      {
        numRuns: RUNS,
        ...(process.env.COMMUTE_SEED ? { seed: Number(process.env.COMMUTE_SEED) } : {}),
      },
    );
    expect(swapped).toBeGreaterThan(RUNS / 3);
  }, 600_000);
});
