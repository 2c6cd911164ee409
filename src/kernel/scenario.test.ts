import { describe, it, expect } from 'vitest';
import { parseScenario, scenarioToJson } from './scenario';
import { ScenarioError, SCENARIO_FORMAT } from './scenarioTypes';
import { base, errorOf } from './scenarioTestKit';

const FORMAT = SCENARIO_FORMAT;

// The example of DESIGN.md, Contract 1.
const DESIGN_EXAMPLE = `{
  "format": "anon-vma-forest/scenario@1",
  "title": "Fork, then both sides write",
  "era": "2.6.36",
  "flags": { "pinRoot": false },
  "ops": [
    { "op": "spawn", "pid": "P" },
    { "op": "mmap", "pid": "P", "addr": 0, "pages": 4 },
    { "op": "touch", "pid": "P", "addr": 0, "write": true },
    { "op": "touch", "pid": "P", "addr": 1, "write": true },
    { "op": "fork", "pid": "P", "child": "C" },
    { "op": "touch", "pid": "C", "addr": 0, "write": true },
    { "op": "parallel",
      "threads": [
        [ { "op": "migrate", "pid": "P", "addr": 1 } ],
        [ { "op": "mprotect", "pid": "C", "addr": 1, "pages": 2, "prot": "r" } ]
      ],
      "schedule": [0, 1, 1, 0] }
  ]
}`;

// Shaped like the recorded fixtures (1-space indent, era 6.1).
const FORK1 = `{
 "format": "anon-vma-forest/scenario@1",
 "title": "fork1 (recorded on Linux 6.1.0-56-cloud-amd64)",
 "era": "6.1",
 "ops": [
  { "op": "spawn", "pid": "P" },
  { "op": "mmap", "pid": "P", "addr": 0, "pages": 4 },
  { "op": "touch", "pid": "P", "addr": 0, "write": true },
  { "op": "touch", "pid": "P", "addr": 1, "write": true },
  { "op": "fork", "pid": "P", "child": "P.c1" },
  { "op": "touch", "pid": "P.c1", "addr": 0, "write": true },
  { "op": "touch", "pid": "P", "addr": 1, "write": true }
 ]
}`;

const MERGE_BACK = {
  format: FORMAT,
  title: 'merge_back (recorded on Linux 6.1.0-56-cloud-amd64)',
  era: '6.1',
  ops: [
    { op: 'spawn', pid: 'P' },
    { op: 'mmap', pid: 'P', addr: 0, pages: 8 },
    ...Array.from({ length: 8 }, (_, addr) => ({ op: 'touch', pid: 'P', addr, write: true })),
    { op: 'mprotect', pid: 'P', addr: 3, pages: 2, prot: 'r' },
    { op: 'mprotect', pid: 'P', addr: 3, pages: 2, prot: 'rw' },
  ],
};

/** Every op kind and every optional top-level field. */
const FULL = {
  format: FORMAT,
  title: 'Everything',
  description: 'All ops and all optional fields.',
  source: {
    author: 'Rik van Riel',
    date: '2010-05-05',
    subject: '[PATCH 5/5] anon_vma: pin the root',
    messageId: '<20100505@example>',
    url: 'https://lkml.org/lkml/2010/5/5/1',
  },
  era: '2.6.34',
  flags: { trackRoot: true, adjustLock: 'always', chainLimit: 3, ksmDrop: 'dec-then-lock' },
  ops: [
    { op: 'spawn', pid: 'P' },
    { op: 'mmap', pid: 'P', addr: 16, pages: 4, growsdown: true },
    { op: 'touch', pid: 'P', addr: 16 },
    { op: 'fork', pid: 'P', child: 'C' },
    { op: 'mprotect', pid: 'C', addr: 17, pages: 1, prot: 'rw' },
    { op: 'munmap', pid: 'C', addr: 19, pages: 1 },
    { op: 'mremap', pid: 'C', addr: 16, pages: 2, newAddr: 100 },
    { op: 'expand', pid: 'P', addr: 16, pages: 2 },
    { op: 'migrate', pid: 'P', addr: 16 },
    { op: 'ksm_get', pid: 'P', addr: 17, ref: 'k1' },
    { op: 'take_all_locks', pid: 'P' },
    {
      op: 'parallel',
      threads: [
        [{ op: 'exit', pid: 'P' }],
        [
          { op: 'ksm_put', ref: 'k1' },
          { op: 'exit', pid: 'C' },
        ],
      ],
    },
  ],
  narration: [
    { op: 0, text: 'A process.' },
    { step: 12, text: 'A micro-step.' },
  ],
  expect: {
    breaks: [{ era: '2.6.34', kind: 'use-after-free' }],
    holds: [{ era: '2.6.36' }, { era: '2.6.34', flags: { pinRoot: true } }],
  },
};

describe('parseScenario: valid files', () => {
  it('parses the DESIGN.md example', () => {
    const s = parseScenario(DESIGN_EXAMPLE);
    expect(s.era).toBe('2.6.36');
    expect(s.flags).toEqual({ pinRoot: false });
    expect(s.ops).toHaveLength(7);
    expect(s.ops[6]).toEqual({
      op: 'parallel',
      threads: [
        [{ op: 'migrate', pid: 'P', addr: 1 }],
        [{ op: 'mprotect', pid: 'C', addr: 1, pages: 2, prot: 'r' }],
      ],
      schedule: [0, 1, 1, 0],
    });
  });

  it('parses fixture-style files, as text and as values', () => {
    const fork1 = parseScenario(FORK1);
    expect(fork1.ops).toHaveLength(7);
    expect(fork1.ops[4]).toEqual({ op: 'fork', pid: 'P', child: 'P.c1' });
    expect(parseScenario(JSON.parse(FORK1))).toEqual(fork1);
    const merge = parseScenario(MERGE_BACK);
    expect(merge).toEqual(MERGE_BACK);
    expect(parseScenario(JSON.stringify(MERGE_BACK))).toEqual(merge);
  });

  it('parses every op and every optional field', () => {
    expect(parseScenario(FULL)).toEqual(FULL);
  });

  it('accepts the bounds of every range', () => {
    const ops = [
      { op: 'mmap', pid: 'a'.repeat(64), addr: 2 ** 20 - 1, pages: 4096 },
      { op: 'mremap', pid: 'A-z.0_9', addr: 0, pages: 1, newAddr: 0 },
      { op: 'parallel', threads: Array.from({ length: 8 }, () => [{ op: 'exit', pid: 'P' }]) },
    ];
    const s = { ...base(ops), title: 'x'.repeat(200), description: 'd'.repeat(5000) };
    expect(parseScenario(s)).toEqual(s);
    expect(parseScenario(base(Array.from({ length: 10_000 }, () => ops[0]))).ops).toHaveLength(
      10_000,
    );
  });

  it('returns a fresh object, never the caller’s', () => {
    const input = structuredClone(FULL);
    const s = parseScenario(input);
    expect(s).not.toBe(input);
    expect(s.ops).not.toBe(input.ops);
    expect(s.ops[0]).not.toBe(input.ops[0]);
    expect(s.flags).not.toBe(input.flags);
    expect(s.narration).not.toBe(input.narration);
    input.ops[0] = { op: 'spawn', pid: 'changed' };
    expect(s.ops[0]).toEqual({ op: 'spawn', pid: 'P' });
  });

  it('leaves absent optional fields absent', () => {
    const s = parseScenario(base([{ op: 'touch', pid: 'P', addr: 0 }]));
    expect(Object.keys(s)).toEqual(['format', 'title', 'era', 'ops']);
    expect(Object.keys(s.ops[0] ?? {})).toEqual(['op', 'pid', 'addr']);
    const p = parseScenario(
      base([{ op: 'parallel', threads: [[{ op: 'exit', pid: 'P' }], [{ op: 'exit', pid: 'Q' }]] }]),
    );
    expect('schedule' in (p.ops[0] ?? {})).toBe(false);
  });

  it('turns -0 into 0', () => {
    const s = parseScenario(base([{ op: 'touch', pid: 'P', addr: -0 }]));
    expect(Object.is((s.ops[0] as { addr: number }).addr, 0)).toBe(true);
  });
});

describe('prototype pollution', () => {
  it('rejects __proto__ and constructor keys without polluting anything', () => {
    const texts = [
      `{"format":"${FORMAT}","title":"t","era":"6.1","ops":[{"op":"spawn","pid":"P"}],"__proto__":{"polluted":1}}`,
      `{"format":"${FORMAT}","title":"t","era":"6.1","ops":[{"op":"spawn","pid":"P","__proto__":{"polluted":1}}]}`,
      `{"format":"${FORMAT}","title":"t","era":"6.1","flags":{"__proto__":{"polluted":1}},"ops":[{"op":"spawn","pid":"P"}]}`,
      `{"format":"${FORMAT}","title":"t","era":"6.1","ops":[{"op":"spawn","pid":"P","constructor":{"prototype":{"polluted":1}}}]}`,
    ];
    for (const t of texts) {
      const e = errorOf(t);
      expect(e.message).toMatch(/unknown (top-level field|field|flag) "(__proto__|constructor)"/);
    }
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('does not read inherited properties', () => {
    const inherited = Object.create({ format: FORMAT, title: 't', era: '6.1' }) as object;
    expect(errorOf(Object.assign(inherited, { ops: [{ op: 'spawn', pid: 'P' }] })).field).toBe(
      'format',
    );
  });
});

describe('scenarioToJson', () => {
  it('round-trips every example', () => {
    for (const input of [DESIGN_EXAMPLE, FORK1, MERGE_BACK, FULL]) {
      const s = parseScenario(input);
      expect(parseScenario(scenarioToJson(s))).toEqual(s);
    }
  });

  it('writes keys in a stable order, whatever the input order', () => {
    const shuffled = {
      expect: FULL.expect,
      narration: FULL.narration,
      ops: FULL.ops.map((op) => Object.fromEntries(Object.entries(op).reverse())),
      flags: FULL.flags,
      era: FULL.era,
      source: Object.fromEntries(Object.entries(FULL.source).reverse()),
      description: FULL.description,
      title: FULL.title,
      format: FULL.format,
    };
    const text = scenarioToJson(parseScenario(shuffled));
    expect(text).toBe(scenarioToJson(parseScenario(FULL)));
    const keys = Object.keys(JSON.parse(text) as object);
    expect(keys).toEqual([
      'format',
      'title',
      'description',
      'source',
      'era',
      'flags',
      'ops',
      'narration',
      'expect',
    ]);
    expect(text).toContain('{"op": "mprotect", "pid": "C", "addr": 17, "pages": 1, "prot": "rw"}');
    expect(text).toContain('"author": "Rik van Riel",\n    "date"');
  });

  it('writes one op per line and keeps long schedules on one line', () => {
    const one = [{ op: 'exit', pid: 'P' }];
    const schedule = Array.from({ length: 500 }, (_, i) => i % 2);
    const text = scenarioToJson(
      parseScenario(
        base([
          { op: 'spawn', pid: 'P' },
          { op: 'parallel', threads: [one, one], schedule },
        ]),
      ),
    );
    expect(text).toContain('\n    {"op": "spawn", "pid": "P"},\n');
    expect(text).toContain(`"schedule": [${schedule.join(', ')}]`);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('refuses to write an invalid scenario', () => {
    const s = parseScenario(FORK1);
    const broken = { ...s, ops: [{ op: 'mmap', pid: 'P', addr: 0, pages: 0 }] } as typeof s;
    expect(() => scenarioToJson(broken)).toThrow(ScenarioError);
  });
});
