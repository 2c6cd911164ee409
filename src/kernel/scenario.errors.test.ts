// parseScenario's errors: each names the op index and the field, and says what was expected.
import { describe, expect, it } from 'vitest';
import { MAX_SCENARIO_CHARS } from './scenario';
import { base, errorOf } from './scenarioTestKit';

describe('parseScenario: errors name the op index and the field', () => {
  it('malformed JSON', () => {
    const e = errorOf('{"format": ');
    expect(e.message).toMatch(/^malformed JSON: /);
    expect(e.message).not.toContain('\n');
  });

  it('text over the size limit, before parsing', () => {
    const e = errorOf(' '.repeat(MAX_SCENARIO_CHARS + 1));
    expect(e.message).toContain('too large');
    expect(e.message).toContain(String(MAX_SCENARIO_CHARS));
  });

  it('a top level that is not an object', () => {
    for (const v of ['[]', 'null', '42', '"text"', [], null, 42, undefined, true]) {
      expect(errorOf(v).message).toMatch(/^a scenario must be a JSON object, got /);
    }
  });

  it('a wrong or missing format', () => {
    const e = errorOf({ ...base(), format: 'anon-vma-forest/forest@1' });
    expect(e.message).toBe(
      'field "format" must be "anon-vma-forest/scenario@1" or "anon-vma-forest/scenario@2", got "anon-vma-forest/forest@1"',
    );
    expect(e.field).toBe('format');
    const { format: _f, ...rest } = base();
    expect(errorOf(rest).message).toContain('field "format"');
  });

  it('unknown top-level fields, with a suggestion', () => {
    const e = errorOf({ ...base(), opps: [] });
    expect(e.message).toBe('unknown top-level field "opps" (did you mean ops?)');
    expect(e.field).toBe('opps');
    expect(errorOf({ ...base(), zzz: 1 }).message).toContain('expected format, title');
  });

  it('a missing or bad title', () => {
    const { title: _t, ...rest } = base();
    expect(errorOf(rest).message).toBe('field "title" must be a string, got nothing');
    expect(errorOf({ ...base(), title: ' ' }).message).toBe('field "title" must not be empty');
    expect(errorOf({ ...base(), title: 'x'.repeat(201) }).message).toContain('at most 200');
    expect(errorOf({ ...base(), description: 5 }).field).toBe('description');
  });

  it('an unknown era', () => {
    const e = errorOf({ ...base(), era: '2.6.99' });
    expect(e.message).toBe(
      'era "2.6.99" is not one of 2.6.33, 2.6.34, 2.6.35, 2.6.36, 3.0, 3.8, 3.19, 6.1, 6.12',
    );
    expect(e.field).toBe('era');
  });

  it('unknown flags and bad flag values', () => {
    const e = errorOf({ ...base(), flags: { pinroot: true } });
    expect(e.message).toBe('flags: unknown flag "pinroot" (did you mean pinRoot?)');
    expect(e.field).toBe('flags.pinroot');
    const v = errorOf({ ...base(), flags: { chainLimit: 0 } });
    expect(v.message).toBe('flags: flag chainLimit must be an integer from 1 to 64, got 0');
    expect(errorOf({ ...base(), flags: [] }).message).toContain('field "flags" must be an object');
  });

  it('ops missing, empty or too many', () => {
    expect(errorOf({ ...base(), ops: [] }).message).toBe(
      'field "ops" must be a list of 1 to 10000 ops, got 0 entries',
    );
    expect(errorOf({ ...base(), ops: {} }).message).toContain('field "ops"');
    expect(
      errorOf(base(Array.from({ length: 10_001 }, () => ({ op: 'spawn', pid: 'P' })))).message,
    ).toContain('got 10001 entries');
  });

  it('an unknown op, with a suggestion', () => {
    const e = errorOf(
      base([
        { op: 'spawn', pid: 'P' },
        { op: 'forkk', pid: 'P', child: 'C' },
      ]),
    );
    expect(e.message).toMatch(/^op 1: unknown op "forkk" \(expected one of spawn, mmap, touch, /);
    expect(e.message).toContain('did you mean fork?');
    expect(e.opIndex).toBe(1);
    expect(e.field).toBe('op');
  });

  it('an op that is not an object, or has no "op"', () => {
    expect(errorOf(base([{ op: 'spawn', pid: 'P' }, 7])).message).toMatch(
      /^op 1: must be an object/,
    );
    const e = errorOf(base([{ pid: 'P' }]));
    expect(e.message).toMatch(/^op 0: field "op" is required/);
    expect(e.opIndex).toBe(0);
  });

  it('a bad address', () => {
    const e = errorOf(
      base([
        { op: 'spawn', pid: 'P' },
        { op: 'touch', pid: 'P', addr: 'x' },
      ]),
    );
    expect(e.message).toBe(
      'op 1 (touch): field "addr" must be a whole number of pages ≥ 0 and < 1048576, got "x"',
    );
    expect([e.opIndex, e.field]).toEqual([1, 'addr']);
    for (const addr of [-1, 1.5, 2 ** 20, NaN, Infinity, null, '0']) {
      expect(errorOf(base([{ op: 'migrate', pid: 'P', addr }])).message).toContain(
        'op 0 (migrate): field "addr"',
      );
    }
    const n = errorOf(base([{ op: 'mremap', pid: 'P', addr: 0, pages: 1, newAddr: -3 }]));
    expect(n.message).toContain('op 0 (mremap): field "newAddr"');
  });

  it('a bad page count', () => {
    for (const pages of [0, 4097, 2.5, '4']) {
      const e = errorOf(base([{ op: 'munmap', pid: 'P', addr: 0, pages }]));
      expect(e.message).toContain(
        'op 0 (munmap): field "pages" must be a whole number of pages from 1 to 4096',
      );
    }
  });

  it('a bad name (pid, child, ref)', () => {
    for (const pid of ['', 'a b', 'x'.repeat(65), 7, 'é']) {
      expect(errorOf(base([{ op: 'spawn', pid }])).message).toContain('op 0 (spawn): field "pid"');
    }
    expect(errorOf(base([{ op: 'fork', pid: 'P', child: 'C/1' }])).field).toBe('child');
    expect(errorOf(base([{ op: 'ksm_put', ref: null }])).message).toContain('field "ref"');
  });

  it('a missing required field', () => {
    const e = errorOf(
      base([
        { op: 'spawn', pid: 'P' },
        { op: 'spawn', pid: 'Q' },
        { op: 'mmap', pid: 'P', addr: 0 },
      ]),
    );
    expect(e.message).toBe('op 2 (mmap): field "pages" is required');
    expect(e.opIndex).toBe(2);
  });

  it('a bad bool or prot', () => {
    const w = errorOf(base([{ op: 'touch', pid: 'P', addr: 0, write: 'yes' }]));
    expect(w.message).toBe('op 0 (touch): field "write" must be true or false, got "yes"');
    const g = errorOf(base([{ op: 'mmap', pid: 'P', addr: 0, pages: 1, growsdown: 1 }]));
    expect(g.message).toContain('op 0 (mmap): field "growsdown"');
    const p = errorOf(base([{ op: 'mprotect', pid: 'P', addr: 0, pages: 1, prot: 'rwx' }]));
    expect(p.message).toBe('op 0 (mprotect): field "prot" must be "r" or "rw", got "rwx"');
  });

  it('an unknown field in an op, with a suggestion', () => {
    const e = errorOf(base([{ op: 'touch', pid: 'P', addr: 0, wirte: true }]));
    expect(e.message).toBe('op 0 (touch): unknown field "wirte" (did you mean write?)');
    expect([e.opIndex, e.field]).toEqual([0, 'wirte']);
    const f = errorOf(base([{ op: 'exit', pid: 'P', addr: 0 }]));
    expect(f.message).toBe('op 0 (exit): unknown field "addr" (expected op, pid)');
  });

  it('errors inside a parallel thread', () => {
    const ops = [
      { op: 'spawn', pid: 'P' },
      { op: 'spawn', pid: 'C' },
      {
        op: 'parallel',
        threads: [
          [{ op: 'exit', pid: 'P' }],
          [{ op: 'mprotect', pid: 'C', addr: 1, pages: 2, prot: 'x' }],
        ],
      },
    ];
    const e = errorOf(base(ops));
    expect(e.message).toBe(
      'op 2 (parallel) thread 1 op 0 (mprotect): field "prot" must be "r" or "rw", got "x"',
    );
    expect([e.opIndex, e.field]).toEqual([2, 'threads[1][0].prot']);
  });

  it('a bad parallel block', () => {
    const one = [{ op: 'exit', pid: 'P' }];
    const nine = Array.from({ length: 9 }, () => one);
    expect(errorOf(base([{ op: 'parallel', threads: [one] }])).message).toBe(
      'op 0 (parallel): field "threads" must be a list of 2 to 8 threads (each a list of ops), got 1 entries',
    );
    expect(errorOf(base([{ op: 'parallel', threads: nine }])).message).toContain('got 9 entries');
    expect(errorOf(base([{ op: 'parallel', threads: [one, []] }])).message).toContain(
      'op 0 (parallel): field "threads[1]" must be a list of 1 to 10000 ops',
    );
    const nested = errorOf(
      base([{ op: 'parallel', threads: [one, [{ op: 'parallel', threads: [one, one] }]] }]),
    );
    expect(nested.message).toBe(
      'op 0 (parallel) thread 1 op 0 (parallel): "parallel" cannot be nested inside a parallel thread',
    );
    expect(errorOf(base([{ op: 'parallel', threads: [one, one], extra: 1 }])).message).toContain(
      'op 0 (parallel): unknown field "extra"',
    );
  });

  it('a bad schedule', () => {
    const one = [{ op: 'exit', pid: 'P' }];
    const e = errorOf(base([{ op: 'parallel', threads: [one, one], schedule: [0, 1, 2] }]));
    expect(e.message).toBe(
      'op 0 (parallel): field "schedule[2]" must be a thread (CPU) number from 0 to 1, got 2',
    );
    expect([e.opIndex, e.field]).toEqual([0, 'schedule[2]']);
    const long = Array.from({ length: 100_001 }, () => 0);
    expect(
      errorOf(base([{ op: 'parallel', threads: [one, one], schedule: long }])).message,
    ).toContain('field "schedule" must be a list of 0 to 100000');
    expect(errorOf(base([{ op: 'parallel', threads: [one, one], schedule: '01' }])).field).toBe(
      'schedule',
    );
  });

  it('bad narration', () => {
    const e = errorOf({
      ...base(),
      narration: [
        { op: 0, text: 'a' },
        { op: 1, text: 'b' },
      ],
    });
    expect(e.message).toBe('narration[1]: field "op" must be an op index from 0 to 0, got 1');
    expect(e.field).toBe('narration[1].op');
    expect(errorOf({ ...base(), narration: [{ op: 0, step: 1, text: 'x' }] }).message).toBe(
      'narration[0]: needs exactly one of "op" or "step"',
    );
    expect(errorOf({ ...base(), narration: [{ step: -1, text: 'x' }] }).field).toBe(
      'narration[0].step',
    );
    expect(errorOf({ ...base(), narration: [{ step: 1, text: 3 }] }).field).toBe(
      'narration[0].text',
    );
    expect(
      errorOf({ ...base(), narration: [{ step: 1, text: 'x', html: '<b>' }] }).message,
    ).toContain('narration[0]: unknown field "html"');
  });

  it('a bad source', () => {
    const e = errorOf({ ...base(), source: { url: 'javascript:alert(1)' } });
    expect(e.message).toBe(
      'source: field "url" must start with https:// or http://, got "javascript:alert(1)"',
    );
    expect(e.field).toBe('source.url');
    expect(errorOf({ ...base(), source: { autor: 'x' } }).message).toBe(
      'source: unknown field "autor" (did you mean author?)',
    );
    expect(errorOf({ ...base(), source: { date: 'x'.repeat(501) } }).field).toBe('source.date');
  });

  it('bad expectations', () => {
    const k = errorOf({ ...base(), expect: { breaks: [{ era: '6.1', kind: 'crash' }] } });
    expect(k.message).toMatch(/^expect\.breaks\[0\]: field "kind" must be one of rmap-miss, /);
    const era = errorOf({ ...base(), expect: { holds: [{ era: '9' }] } });
    expect(era.message).toMatch(/^expect\.holds\[0\]: era "9" is not one of/);
    const flag = errorOf({
      ...base(),
      expect: { holds: [{ era: '6.1', flags: { rootlock: true } }] },
    });
    expect(flag.message).toBe(
      'expect.holds[0]: flags: unknown flag "rootlock" (did you mean rootLock?)',
    );
    expect(flag.field).toBe('expect.holds[0].flags.rootlock');
    expect(
      errorOf({ ...base(), expect: { holds: [{ era: '6.1', kind: 'deadlock' }] } }).message,
    ).toContain('unknown field "kind"');
  });

  it('never lets a raw exception escape', () => {
    const hostile = {
      ...base(),
      get title(): string {
        throw new TypeError('getter\n    at evil (x.js:1:1)');
      },
    };
    const e = errorOf(hostile);
    expect(e.message).toMatch(/^invalid scenario: /);
    expect(e.message).not.toContain('\n');
  });
});
