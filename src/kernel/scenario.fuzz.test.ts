import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parseScenario, scenarioToJson, VIOLATION_KINDS } from './scenario';
import { ERA_IDS, FLAG_NAMES, FLAG_SPECS } from './flags';
import type { Flags } from './flags';
import { ScenarioError, SCENARIO_FORMAT } from './scenarioTypes';
import type { Scenario, SimpleOp } from './scenarioTypes';

/** Parses, and checks that a failure is a clean ScenarioError. Returns the scenario or null. */
function tryParse(input: unknown): Scenario | null {
  try {
    return parseScenario(input);
  } catch (err) {
    if (!(err instanceof ScenarioError)) throw err;
    expect(err.message.length).toBeGreaterThan(0);
    // the catch-all for a throwing getter must not be what caught a bug of the parser
    expect(err.message).not.toMatch(/^invalid scenario: /);
    expect(err.message).not.toMatch(/\n\s*at /); // no stack frames
    expect(err.message).not.toContain('\n');
    expect(err.opIndex === null || Number.isInteger(err.opIndex)).toBe(true);
    return null;
  }
}

// ---- generators of valid scenarios ----

const name = fc.stringMatching(/^[A-Za-z0-9._-]{1,12}$/);
const addr = fc.integer({ min: 0, max: 2 ** 20 - 1 });
const pages = fc.integer({ min: 1, max: 4096 });
// Mostly printable ASCII, with some characters that JSON and messages must survive (a lone
// surrogate, U+2028, NUL, quotes, an astral emoji). Faster than unit 'binary'.
const ascii = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i));
const odd = ['é', '€', '😀', '\u2028', '\ud800', '\u0000', '"', '\\', '\n', '\t'];
const char = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(...ascii) },
  { weight: 1, arbitrary: fc.constantFrom(...odd) },
);
const text = (maxLength: number) => fc.string({ unit: char, maxLength });
const opts = { noNullPrototype: true };
const op = <T extends string>(o: T) => fc.constant(o);

const simpleOp: fc.Arbitrary<SimpleOp> = fc.oneof(
  fc.record({ op: op('spawn'), pid: name }),
  fc.record(
    { op: op('mmap'), pid: name, addr, pages, growsdown: fc.boolean() },
    { ...opts, requiredKeys: ['op', 'pid', 'addr', 'pages'] },
  ),
  fc.record(
    { op: op('touch'), pid: name, addr, write: fc.boolean() },
    { ...opts, requiredKeys: ['op', 'pid', 'addr'] },
  ),
  fc.record({ op: op('fork'), pid: name, child: name }),
  fc.record({ op: op('mprotect'), pid: name, addr, pages, prot: fc.constantFrom('r', 'rw') }),
  fc.record({ op: op('munmap'), pid: name, addr, pages }),
  fc.record({ op: op('mremap'), pid: name, addr, pages, newAddr: addr }),
  fc.record({ op: op('expand'), pid: name, addr, pages }),
  fc.record({ op: op('exit'), pid: name }),
  fc.record({ op: op('migrate'), pid: name, addr }),
  fc.record({ op: op('ksm_get'), pid: name, addr, ref: name }),
  fc.record({ op: op('ksm_put'), ref: name }),
  fc.record({ op: op('take_all_locks'), pid: name }),
);

const parallelOp = fc.integer({ min: 2, max: 8 }).chain((n) =>
  fc.record(
    {
      op: op('parallel'),
      threads: fc.array(fc.array(simpleOp, { minLength: 1, maxLength: 3 }), {
        minLength: n,
        maxLength: n,
      }),
      schedule: fc.array(fc.integer({ min: 0, max: n - 1 }), { maxLength: 12 }),
    },
    { ...opts, requiredKeys: ['op', 'threads'] },
  ),
);

function flagValue(n: keyof Flags): fc.Arbitrary<Flags[keyof Flags]> {
  const spec = FLAG_SPECS[n];
  if (spec.kind === 'bool') return fc.boolean();
  if (spec.kind === 'count') return fc.integer({ min: 1, max: 64 });
  return fc.constantFrom(...spec.values) as fc.Arbitrary<Flags[keyof Flags]>;
}
const flags = fc.record(
  Object.fromEntries(FLAG_NAMES.map((n) => [n, flagValue(n)])) as {
    [K in keyof Flags]-?: fc.Arbitrary<Flags[keyof Flags]>;
  },
  { ...opts, requiredKeys: [] },
) as fc.Arbitrary<Partial<Flags>>;

const era = fc.constantFrom(...ERA_IDS);
const url = fc.tuple(fc.constantFrom('https://', 'http://'), text(40)).map(([a, b]) => a + b);
const source = fc.record(
  { author: text(40), date: text(20), subject: text(60), messageId: text(30), url },
  { ...opts, requiredKeys: [] },
);
const expectation = fc.record(
  {
    breaks: fc.array(
      fc.record(
        { era, flags, kind: fc.constantFrom(...VIOLATION_KINDS) },
        { ...opts, requiredKeys: ['era', 'kind'] },
      ),
      { maxLength: 3 },
    ),
    holds: fc.array(fc.record({ era, flags }, { ...opts, requiredKeys: ['era'] }), {
      maxLength: 3,
    }),
  },
  { ...opts, requiredKeys: [] },
);
const narrationEntry = fc.oneof(
  fc.record({ op: fc.nat(), text: text(60) }),
  fc.record({ step: fc.nat(), text: text(60) }),
);

const scenario: fc.Arbitrary<Scenario> = fc
  .record(
    {
      format: fc.constant(SCENARIO_FORMAT),
      title: text(100).filter((t) => t.trim() !== ''),
      description: text(80),
      source,
      era,
      flags,
      ops: fc.array(
        fc.oneof({ weight: 6, arbitrary: simpleOp }, { weight: 1, arbitrary: parallelOp }),
        {
          minLength: 1,
          maxLength: 10,
        },
      ),
      narration: fc.array(narrationEntry, { maxLength: 4 }),
      expect: expectation,
    },
    { ...opts, requiredKeys: ['format', 'title', 'era', 'ops'] },
  )
  .map((s) => {
    if (s.narration === undefined) return s;
    const n = s.ops.length;
    const narration = s.narration.map((e) => ('op' in e ? { op: e.op % n, text: e.text } : e));
    return { ...s, narration };
  });

// ---- mutations of a valid file ----

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every container in a JSON value, with the path to it. */
function containers(v: Json, out: (Json[] | { [k: string]: Json })[] = []) {
  if (v !== null && typeof v === 'object') {
    out.push(v);
    for (const x of Object.values(v)) containers(x, out);
  }
  return out;
}

type Mutation =
  | { kind: 'delete'; at: number; key: number }
  | { kind: 'replace'; at: number; key: number; value: Json }
  | { kind: 'insert'; at: number; key: string; value: Json };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), key: fc.nat() }),
  fc.record({
    kind: fc.constant('replace' as const),
    at: fc.nat(),
    key: fc.nat(),
    value: fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
  }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    key: fc.oneof(
      fc.string({ maxLength: 8 }),
      fc.constantFrom('__proto__', 'constructor', 'op', 'pid', 'write', 'schedule'),
    ),
    value: fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
  }),
);

function mutate(doc: Json, m: Mutation): void {
  const all = containers(doc);
  const c = all[m.at % all.length];
  if (c === undefined) return;
  const keys = Object.keys(c);
  const key = keys.length === 0 ? undefined : keys[(m.kind === 'insert' ? 0 : m.key) % keys.length];
  if (m.kind === 'insert') {
    if (Array.isArray(c)) c.splice(m.at % (c.length + 1), 0, m.value);
    else
      Object.defineProperty(c, m.key, {
        value: m.value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
  } else if (key !== undefined) {
    if (Array.isArray(c)) {
      if (m.kind === 'delete') c.splice(Number(key), 1);
      else c[Number(key)] = m.value;
    } else if (m.kind === 'delete') delete c[key];
    else c[key] = m.value;
  }
}

type TextEdit =
  | { kind: 'truncate'; at: number }
  | { kind: 'flip'; at: number; char: string }
  | { kind: 'splice'; at: number; text: string };

const textEdit: fc.Arbitrary<TextEdit> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('flip' as const),
    at: fc.nat(),
    char: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  }),
  fc.record({
    kind: fc.constant('splice' as const),
    at: fc.nat(),
    text: fc.string({ maxLength: 6 }),
  }),
);

function edit(t: string, e: TextEdit): string {
  const at = e.at % (t.length + 1);
  if (e.kind === 'truncate') return t.slice(0, at);
  if (e.kind === 'flip') return t.slice(0, at) + e.char + t.slice(at + 1);
  return t.slice(0, at) + e.text + t.slice(at);
}

/** A parsed scenario must itself write and read back unchanged. */
function checkValid(s: Scenario): void {
  expect(parseScenario(scenarioToJson(s))).toEqual(s);
}

describe('parseScenario fuzz', () => {
  it('throws nothing but ScenarioError on arbitrary values and text', () => {
    const scenarioish = fc
      .dictionary(
        fc.constantFrom(
          'format',
          'title',
          'era',
          'flags',
          'ops',
          'narration',
          'expect',
          'source',
          'description',
        ),
        fc.jsonValue({ maxDepth: 3 }),
      )
      .map((d) => ({ format: SCENARIO_FORMAT, ...d }));
    const input = fc.oneof(
      fc.jsonValue({ maxDepth: 4 }),
      fc.anything({
        maxDepth: 3,
        withNullPrototype: true,
        withBoxedValues: true,
        withSparseArray: true,
      }),
      fc.string({ unit: 'binary', maxLength: 60 }),
      fc.json({ maxDepth: 4 }),
      scenarioish,
      scenarioish.map((d) => JSON.stringify(d)),
    );
    fc.assert(
      fc.property(input, (v) => {
        tryParse(v);
      }),
      { numRuns: 5000 },
    );
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('survives mutations of valid scenarios: it parses or it throws ScenarioError', () => {
    const seen = { parsed: 0, refused: 0 };
    fc.assert(
      fc.property(scenario, fc.array(mutation, { minLength: 1, maxLength: 3 }), (s, ms) => {
        const doc = JSON.parse(scenarioToJson(s)) as Json;
        for (const m of ms) mutate(doc, m);
        const parsed = tryParse(doc);
        if (parsed !== null) checkValid(parsed);
        seen[parsed === null ? 'refused' : 'parsed']++;
        const fromText = tryParse(JSON.stringify(doc));
        expect(fromText).toEqual(parsed);
      }),
      { numRuns: 2000 },
    );
    // the mutations reach both outcomes, not only one
    expect(seen.parsed).toBeGreaterThan(50);
    expect(seen.refused).toBeGreaterThan(50);
  });

  it('survives edits of the JSON text: it parses or it throws ScenarioError', () => {
    const seen = { parsed: 0, refused: 0 };
    fc.assert(
      fc.property(scenario, textEdit, (s, e) => {
        const parsed = tryParse(edit(scenarioToJson(s), e));
        if (parsed !== null) checkValid(parsed);
        seen[parsed === null ? 'refused' : 'parsed']++;
      }),
      { numRuns: 2500 },
    );
    expect(seen.parsed).toBeGreaterThan(50);
    expect(seen.refused).toBeGreaterThan(50);
  });

  it('round-trips valid scenarios through scenarioToJson', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        expect(parseScenario(s)).toEqual(s);
        expect(parseScenario(scenarioToJson(s))).toEqual(s);
        expect(scenarioToJson(parseScenario(scenarioToJson(s)))).toBe(scenarioToJson(s));
      }),
      { numRuns: 2000 },
    );
  });
});
