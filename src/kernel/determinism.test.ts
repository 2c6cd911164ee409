// The model is deterministic: a scenario replays to the same trace, violations and forest every
// time; stateAt(n) is a pure function of n; the view at the end and the forest agree.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ERA_IDS, type EraId } from './flags';
import { replay } from './replay';
import { parseScenario } from './scenario';
import type { Scenario } from './scenarioTypes';
import { canonicalOrder, type Forest } from './snapshot';
import {
  exit,
  expand,
  fork,
  ksmGet,
  ksmPut,
  migrate,
  mmap,
  mprotect,
  munmap,
  oneVma,
  parallel,
  read,
  runScenarioFile,
  scenario,
  takeAllLocks,
  write,
} from './testing';
import type { ViewState } from './view';

const fixtureDir = join(__dirname, '../../fixtures/linux-6.1');
const builtinDir = join(__dirname, '../scenarios');

const files: [string, Scenario][] = [
  ...readdirSync(fixtureDir)
    .filter((f) => f.endsWith('.scenario.json'))
    .map((f): [string, Scenario] => [f, parseScenario(readFileSync(join(fixtureDir, f), 'utf8'))]),
  ...readdirSync(builtinDir)
    .filter((f) => f.endsWith('.json'))
    .map((f): [string, Scenario] => [f, parseScenario(readFileSync(join(builtinDir, f), 'utf8'))]),
];

/** Every kind of op, sequential and parallel, in one scenario per era. */
const mixed = (era: EraId): Scenario =>
  scenario(era, [
    oneVma('P', 0, 4),
    mmap('P', 8, 2, true),
    write('P', 9),
    fork('P', 'C'),
    write('C', 1),
    read('C', 8),
    mprotect('C', 1, 2, 'r'),
    expand('C', 8, 1),
    ksmGet('C', 0, 'k'),
    fork('C', 'G'),
    munmap('G', 2, 1),
    migrate('P', 3),
    parallel([[migrate('C', 0)], [mprotect('C', 1, 2, 'rw')], [takeAllLocks('P')]]),
    takeAllLocks('G'),
    exit('P'),
    ksmPut('k'),
  ]);

const cases: [string, Scenario][] = [
  ...files,
  ...ERA_IDS.map((e): [string, Scenario] => [`mixed ${e}`, mixed(e)]),
];

const withoutCpus = (v: ViewState) => ({ ...v, cpus: [] });

/** The final view, renamed to canonical ids, in the forest's shape. */
function forestFromView(v: ViewState, canon: Map<string, string>, era: string): Forest {
  const name = (id: string | null | undefined) => (id ? (canon.get(id) ?? `freed:${id}`) : null);
  const anon = v.anonVmas
    .filter((a) => canon.has(a.id))
    .sort((a, b) => Number(canon.get(a.id)!.slice(2)) - Number(canon.get(b.id)!.slice(2)))
    .map((a) => {
      const o: Record<string, unknown> = { id: name(a.id) };
      if (a.root !== undefined) o.root = name(a.root);
      if (a.parent !== undefined) o.parent = name(a.parent);
      o.refcount = a.refcount;
      if (a.degree !== undefined) o.degree = a.degree;
      if (a.num_children !== undefined) {
        o.num_children = a.num_children;
        o.num_active_vmas = a.num_active_vmas;
      }
      o.tree = a.tree.map((t) => {
        const i = t.lastIndexOf(':');
        return { pid: t.slice(0, i), start: Number(t.slice(i + 1)) };
      });
      return o;
    });
  return {
    format: 'anon-vma-forest/forest@1',
    era,
    processes: v.processes.map((p) => ({
      pid: p.pid,
      vmas: p.vmas.map((x) => ({
        start: x.start,
        end: x.end,
        anon_vma: name(x.anonVma),
        chain: x.chain.map((c) => name(c)!),
      })),
    })),
    anon_vmas: anon as unknown as Forest['anon_vmas'],
    pages: v.pages.map((p) => ({
      pid: p.pid,
      addr: p.addr,
      anon_vma: name(p.anonVma),
      ...(p.migration ? { migration: true as const } : {}),
    })),
  };
}

describe('determinism', () => {
  for (const [label, sc] of cases) {
    it(`${label}: two replays give the same steps, violations and forest`, () => {
      const a = replay(sc);
      const b = replay(sc);
      expect(b.steps).toEqual(a.steps);
      expect(b.violations).toEqual(a.violations);
      expect(b.opStarts).toEqual(a.opStarts);
      expect(b.stopped).toBe(a.stopped);
      expect(JSON.stringify(b.forest())).toBe(JSON.stringify(a.forest()));
      expect(JSON.stringify(a.forest())).toBe(JSON.stringify(a.forest()));
    });

    it(`${label}: stateAt(n) is the same across calls and replays`, () => {
      const a = replay(sc);
      const b = replay(sc);
      const total = a.steps.length;
      const ns = [
        0,
        1,
        Math.floor(total / 3),
        Math.floor(total / 2),
        total - 1,
        total,
        ...a.opStarts,
      ];
      for (const n of ns) {
        const first = a.stateAt(n);
        expect(a.stateAt(n)).toEqual(first);
        expect(b.stateAt(n)).toEqual(first);
        expect(JSON.parse(JSON.stringify(first))).toEqual(first);
      }
      expect(a.stateAt(-5)).toEqual(a.stateAt(0));
      expect(a.stateAt(total + 10)).toEqual(a.stateAt(total));
      expect(a.stateAt(0).processes).toEqual([]);
    });

    it(`${label}: stateAt(steps.length) matches the forest`, () => {
      const r = runScenarioFile(sc);
      const canon = new Map(canonicalOrder(r.state).map((av, i) => [`av${av.n}`, `av${i}`]));
      const fromView = forestFromView(r.stateAt(r.steps.length), canon, sc.era);
      expect(JSON.stringify(fromView)).toBe(JSON.stringify(r.forest()));
    });
  }

  it('stateAt at an op boundary equals the end of a replay of the ops before it', () => {
    for (const era of ERA_IDS) {
      const sc = mixed(era);
      const r = replay(sc);
      for (let i = 1; i < sc.ops.length; i++) {
        const prefix = replay({ ...sc, ops: sc.ops.slice(0, i) });
        expect(withoutCpus(r.stateAt(r.opStarts[i]!)), `${era} op ${i}`).toEqual(
          withoutCpus(prefix.stateAt(prefix.steps.length)),
        );
      }
    }
  });

  it('stateAt at any step of any scenario is stable (random cursors)', () => {
    const replays = cases.map(([, sc]) => [replay(sc), replay(sc)] as const);
    fc.assert(
      fc.property(
        fc.nat({ max: replays.length - 1 }),
        fc.double({ min: -0.1, max: 1.1, noNaN: true }),
        (i, x) => {
          const [a, b] = replays[i]!;
          const n = Math.round(x * a.steps.length);
          expect(a.stateAt(n)).toEqual(b.stateAt(n));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('records nothing different when step texts are not recorded', () => {
    for (const era of ERA_IDS) {
      const sc = mixed(era);
      const full = replay(sc);
      const bare = replay(sc, { record: false });
      expect(bare.violations.map((v) => [v.kind, v.step])).toEqual(
        full.violations.map((v) => [v.kind, v.step]),
      );
      expect(JSON.stringify(bare.forest())).toBe(JSON.stringify(full.forest()));
    }
  });
});
