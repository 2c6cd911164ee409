// Fuzz: random and mutated links through the decoder, mutated scenario files through the
// validator. Nothing may throw, and every rejection is a sentence a person can act on.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../kernel/scenario';
import { ScenarioError } from '../kernel/scenarioTypes';
import { builtinScenarios } from '../scenarios';
import type { LinkState } from './linkState';
import { compressScenario, decodeLink, decompressScenario, encodeLink } from './urlCodec';

const builtinIds = builtinScenarios.map((b) => b.id);
// thousands of runs: generous when the machine is busy
const FUZZ_TIMEOUT = 120_000;
const decode = (search: string) => decodeLink(search, { builtinIds });

function expectClear(notices: string[]) {
  for (const n of notices) {
    expect(typeof n).toBe('string');
    expect(n.length).toBeGreaterThan(10);
    expect(n.length).toBeLessThan(400);
    expect(n).toMatch(/[.)]$/);
  }
}

/** A valid link to mutate: a built-in or a custom scenario, with era, flags and step. */
const validLink = fc
  .record({
    which: fc.nat(builtinScenarios.length - 1),
    custom: fc.boolean(),
    era: fc.constantFrom(undefined, '2.6.34', '3.0', '6.1'),
    step: fc.nat(200),
    mode: fc.constantFrom(undefined, 'lecture', 'compare'),
    era2: fc.constantFrom(undefined, '2.6.36', '3.19'),
  })
  .map(({ which, custom, era, step, mode, era2 }) => {
    const b = builtinScenarios[which]!;
    const state: LinkState = {
      scenario: custom ? { kind: 'custom', scenario: b.scenario } : { kind: 'builtin', id: b.id },
      ...(era ? { era } : {}),
      flags: { pinRoot: true },
      step,
      ...(mode ? { mode } : {}),
      ...(mode === 'compare' && era2 ? { compare: { era: era2, flags: { lockDance: true } } } : {}),
    };
    return encodeLink(state);
  });

const ALPHABET = 'ABCxyz019+-$%&=?#;: ._~\u00e9\u{1F600}\u0000';
const mutation = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('flip', 'cut', 'insert', 'delete', 'dup'),
  ch: fc.constantFrom(...ALPHABET),
});

function mutate(s: string, m: { at: number; kind: string; ch: string }): string {
  const i = s.length === 0 ? 0 : m.at % s.length;
  switch (m.kind) {
    case 'flip':
      return s.slice(0, i) + m.ch + s.slice(i + 1);
    case 'cut':
      return s.slice(0, i);
    case 'insert':
      return s.slice(0, i) + m.ch + s.slice(i);
    case 'delete':
      return s.slice(0, i) + s.slice(i + 1);
    default:
      return s.slice(0, i) + s.slice(i, i + 20) + s.slice(i);
  }
}

describe('link decoder fuzz', () => {
  it(
    'never throws on random strings',
    () => {
      fc.assert(
        fc.property(
          fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.webQueryParameters()),
          (s) => {
            const out = decode(s);
            expectClear(out.notices);
            const again = decode(`?${s}`);
            expectClear(again.notices);
          },
        ),
        { numRuns: 3000 },
      );
    },
    FUZZ_TIMEOUT,
  );

  it(
    'opens exactly what was encoded, or the default with a message, under mutation',
    () => {
      fc.assert(
        fc.property(validLink, fc.array(mutation, { minLength: 1, maxLength: 4 }), (link, ms) => {
          const mutated = ms.reduce(mutate, link);
          const out = decode(mutated);
          expectClear(out.notices);
          if (out.state.scenario?.kind === 'custom') {
            // whatever got through is a valid scenario
            expect(() =>
              parseScenario(
                out.state.scenario?.kind === 'custom' ? out.state.scenario.scenario : null,
              ),
            ).not.toThrow();
          }
          if (out.state.scenario?.kind === 'builtin') {
            expect(builtinIds).toContain(out.state.scenario.id);
          }
        }),
        { numRuns: 3000 },
      );
    },
    FUZZ_TIMEOUT,
  );

  it('reads back every unmutated link without a notice', () => {
    fc.assert(
      fc.property(validLink, (link) => {
        expect(decode(link).notices).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});

describe('compressed scenario fuzz', () => {
  const packed = builtinScenarios.map((b) => compressScenario(b.scenario));
  it(
    'turns mutated or random `j` values into a scenario or a sentence, never an exception',
    () => {
      fc.assert(
        fc.property(
          fc.nat(packed.length - 1),
          fc.array(mutation, { minLength: 1, maxLength: 4 }),
          fc.string(),
          (which, ms, random) => {
            for (const j of [ms.reduce(mutate, packed[which]!), random]) {
              const out = decompressScenario(j);
              if (typeof out === 'string') {
                expect(out.length).toBeGreaterThan(5);
                expect(out.length).toBeLessThan(400);
              } else expect(() => parseScenario(out)).not.toThrow();
            }
          },
        ),
        { numRuns: 2000 },
      );
    },
    FUZZ_TIMEOUT,
  );
});

describe('scenario validator fuzz', () => {
  const files = builtinScenarios.map((b) => JSON.stringify(b.scenario));
  it(
    'rejects mutated scenario JSON with a ScenarioError, never a raw exception',
    () => {
      fc.assert(
        fc.property(
          fc.nat(files.length - 1),
          fc.array(mutation, { minLength: 1, maxLength: 6 }),
          (which, ms) => {
            const text = ms.reduce(mutate, files[which]!);
            try {
              parseScenario(text);
            } catch (err) {
              expect(err).toBeInstanceOf(ScenarioError);
              expect((err as Error).message.length).toBeGreaterThan(5);
              expect((err as Error).message.length).toBeLessThan(400);
            }
          },
        ),
        { numRuns: 3000 },
      );
    },
    FUZZ_TIMEOUT,
  );

  it(
    'rejects random JSON values with a ScenarioError',
    () => {
      fc.assert(
        fc.property(fc.jsonValue(), (v) => {
          try {
            parseScenario(v);
          } catch (err) {
            expect(err).toBeInstanceOf(ScenarioError);
          }
        }),
        { numRuns: 2000 },
      );
    },
    FUZZ_TIMEOUT,
  );
});
