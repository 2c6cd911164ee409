// Property tests: thousands of random, valid, sequential op sequences per era. Sequential ops
// alone must never break a fixed era (spec §9); 3.0 and 3.8 keep the root-freed-first
// use-after-free of §8.7, which only a KSM reference outliving its family can reach.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ERA_IDS, resolveFlags, type EraId, type Flags } from './flags';
import { explore } from './explore';
import {
  choiceArb,
  choicesArb,
  forestErrors,
  interpret,
  play,
  scenarioOf,
  show,
} from './randomOps';
import { Runner } from './runner';
import { parseScenario } from './scenario';
import { ScenarioError } from './scenarioTypes';

/** Sequences per era: 5–25 random choices after three fixed ops (spawn, mmap, write), then a teardown. */
const RUNS = Number(process.env.PROPERTY_RUNS ?? 2000);
const FULL_ERAS: EraId[] = ['2.6.33', '2.6.34', '2.6.35', '2.6.36', '3.19', '6.1', '6.12'];
const UAF_ERAS: EraId[] = ['3.0', '3.8'];

/** Generous: PROPERTY_RUNS=50000 runs a long hunt. */
const TIMEOUT = 600_000;

describe('random valid sequential op sequences', () => {
  it('cover every era', () => {
    expect([...FULL_ERAS, ...UAF_ERAS].sort()).toEqual([...ERA_IDS].sort());
  });

  for (const era of FULL_ERAS) {
    it(
      `${era}: no violations, and the structure holds after every op`,
      () => {
        fc.assert(
          fc.property(choicesArb, (choices) => {
            const o = play(era, choices);
            expect(o.violations, show(o)).toEqual([]);
            expect(o.problems, show(o)).toEqual([]);
          }),
          { numRuns: RUNS },
        );
      },
      TIMEOUT,
    );
  }

  for (const era of UAF_ERAS) {
    it(
      `${era}: the only violations are §8.7's use-after-free inside a ksm_put`,
      () => {
        fc.assert(
          fc.property(choicesArb, (choices) => {
            const o = play(era, choices);
            o.violations.forEach((v, i) => {
              expect(v.kind, show(o)).toBe('use-after-free');
              expect(o.ops[o.violationOps[i]!]!.op, show(o)).toBe('ksm_put');
            });
            expect(o.problems, show(o)).toEqual([]);
          }),
          { numRuns: RUNS / 2 },
        );
      },
      TIMEOUT,
    );

    it(
      `${era}: without KSM references, no violations at all`,
      () => {
        fc.assert(
          fc.property(choicesArb, (choices) => {
            const o = play(era, choices, {}, (k) => k !== 'ksm_get' && k !== 'ksm_put');
            expect(o.violations, show(o)).toEqual([]);
            expect(o.problems, show(o)).toEqual([]);
          }),
          { numRuns: RUNS / 2 },
        );
      },
      TIMEOUT,
    );
  }

  for (const era of ['2.6.36', '6.1'] as EraId[]) {
    it(
      `${era} with chainLimit 2: no violations`,
      () => {
        fc.assert(
          fc.property(choicesArb, (choices) => {
            const o = play(era, choices, { chainLimit: 2 });
            expect(o.violations, show(o)).toEqual([]);
            expect(o.problems, show(o)).toEqual([]);
          }),
          { numRuns: RUNS / 5 },
        );
      },
      TIMEOUT,
    );
  }

  for (const era of ['2.6.36', '3.19', '6.1'] as EraId[]) {
    it(
      `${era}: the forest lists every live anon_vma, and no root is named "freed:"`,
      () => {
        fc.assert(
          fc.property(choicesArb, (choices) => {
            const o = play(era, choices, {}, undefined, true, forestErrors);
            expect(o.problems, show(o)).toEqual([]);
          }),
          { numRuns: RUNS / 5 },
        );
      },
      TIMEOUT,
    );
  }

  it(
    'the generated sequences are valid Contract 1 scenarios that replay the same',
    () => {
      fc.assert(
        fc.property(fc.constantFrom(...ERA_IDS), choicesArb, (era, choices) => {
          const o = play(era, choices);
          const sc = parseScenario(scenarioOf(era, o.ops));
          const again = new Runner(era, resolveFlags(era));
          again.run(sc);
          expect(again.violations.map((v) => v.kind)).toEqual(o.violations.map((v) => v.kind));
        }),
        { numRuns: 100 },
      );
    },
    TIMEOUT,
  );
});

// Two random ops at once, after a random history: every interleaving, in the eras with every fix.
// A pair the model refuses (an op made invalid by the other, a reference dropped twice) is skipped.
// 3.19 runs with the 2023 stack-expansion lock: before it, a stack growing beside a fault of the
// same process could tear vm_start/vm_pgoff for the fault (the property found that).
describe('random parallel pairs', () => {
  const cases: [EraId, Partial<Flags>][] = [
    ['6.1', {}],
    ['3.19', { expandWrite: true }],
  ];
  for (const [era, flags] of cases) {
    it(
      `${era} ${JSON.stringify(flags)}: no violation in any interleaving of two ops`,
      () => {
        fc.assert(
          fc.property(choicesArb, choiceArb, choiceArb, (choices, c1, c2) => {
            const o = play(era, choices, flags, undefined, false);
            let fresh = 1000;
            const a = interpret(o.state, c1, () => fresh++);
            const b = interpret(o.state, c2, () => fresh++);
            if (a.length !== 1 || b.length !== 1) return;
            const sc = {
              ...scenarioOf(era, [...o.ops, { op: 'parallel', threads: [a, b] }]),
              flags,
            };
            let r: ReturnType<typeof explore>;
            try {
              r = explore(sc, { maxStates: 3000 });
            } catch (e) {
              if (e instanceof ScenarioError) return;
              throw e;
            }
            expect(r.violations, JSON.stringify(sc.ops)).toEqual([]);
          }),
          { numRuns: RUNS / 4 },
        );
      },
      TIMEOUT,
    );
  }
});
