// Contract 1: read and validate a scenario file (`anon-vma-forest/scenario@1` or `@2`), and write
// one back.
// Only the shape of the file is checked here; whether a pid exists or a fault hits a VMA is the
// replay's business. Every error is a ScenarioError naming the op index and the field.
import type { EraId, Flags } from './flags';
import { checkFlagValue, ERA_IDS, FLAG_NAMES, isEraId } from './flags';
import type { ExpectBreak, ExpectHold, OpName, Scenario, SimpleOp } from './scenarioTypes';
import type { ScenarioFormat } from './scenarioTypes';
import {
  OPS_SINCE_2,
  SCENARIO_FORMAT,
  SCENARIO_FORMAT_2,
  SCENARIO_FORMATS,
  ScenarioError,
} from './scenarioTypes';
import type { ViolationKind } from './trace';

export const MAX_SCENARIO_CHARS = 2_000_000;
const MAX_OPS = 10_000;
const MAX_SCHEDULE = 100_000;
const MAX_NARRATION = 2_000;
const MAX_EXPECT = 1_000;
const MAX_ADDR = 2 ** 20;
const MAX_PAGES = 4096;

export const VIOLATION_KINDS = [
  'rmap-miss',
  'migration-entry-left',
  'use-after-free',
  'double-free',
  'deadlock',
  'unlocked-write',
  'root-not-last',
  'list-corrupt',
] as const satisfies readonly ViolationKind[];

type FieldName =
  'pid' | 'child' | 'ref' | 'addr' | 'newAddr' | 'pages' | 'prot' | 'growsdown' | 'write';

/** The fields of each simple op, in the order they are written back. */
const OP_FIELDS = {
  spawn: ['pid'],
  mmap: ['pid', 'addr', 'pages', 'growsdown'],
  touch: ['pid', 'addr', 'write'],
  fork: ['pid', 'child'],
  mprotect: ['pid', 'addr', 'pages', 'prot'],
  munmap: ['pid', 'addr', 'pages'],
  mremap: ['pid', 'addr', 'pages', 'newAddr'],
  expand: ['pid', 'addr', 'pages'],
  exit: ['pid'],
  migrate: ['pid', 'addr'],
  ksm_get: ['pid', 'addr', 'ref'],
  ksm_put: ['ref'],
  take_all_locks: ['pid'],
  reclaim: ['pid', 'addr'],
} as const satisfies Record<OpName, readonly FieldName[]>;

const OP_NAMES = [...Object.keys(OP_FIELDS), 'parallel'];
const TOP_FIELDS = 'format title description source era flags ops narration expect'.split(' ');
const SOURCE_FIELDS = ['author', 'date', 'subject', 'messageId', 'url'] as const;

type Obj = Record<string, unknown>;
/** Where a value sits: the message prefix, the top-level op index, the field path. */
interface Where {
  prefix: string;
  opIndex: number | null;
  path: string;
}
const TOP: Where = { prefix: '', opIndex: null, path: '' };

// ---- small helpers ----

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function own(o: Obj, k: string): unknown {
  return Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined;
}

function short(s: string, n = 40): string {
  return s.length > n ? `${s.slice(0, n)}…` : s;
}

/** A value as a person reads it in a message: always one line, never long. */
function show(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(short(v));
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v === null) return 'null';
  if (v === undefined) return 'nothing';
  if (Array.isArray(v)) return `a list of ${v.length}`;
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

function errorText(err: unknown): string {
  const s = err instanceof Error ? err.message : String(err);
  return short(s.replace(/[\p{Cc}\s]+/gu, ' ').trim(), 300);
}

function join(path: string, field: string): string {
  return path === '' ? field : `${path}.${field}`;
}

function bad(w: Where, what: string, path: string = w.path): never {
  throw new ScenarioError(`${w.prefix}${what}`, w.opIndex, path === '' ? null : path);
}

function badField(w: Where, field: string, what: string): never {
  return bad(w, `field "${field}" ${what}`, join(w.path, field));
}

function distance(a: string, b: string): number {
  // optimal string alignment: a swap of two neighbours costs 1, like one typo
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  let prev2 = prev;
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const sub = (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      const swap = a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1] ? (prev2[j - 2] ?? 0) + 1 : sub;
      cur.push(Math.min(sub, swap, (prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1));
    }
    [prev2, prev] = [prev, cur];
  }
  return prev[b.length] ?? 0;
}

/** The known name closest to a misspelt `name`, when one is close enough. */
function closest(name: string, known: readonly string[]): string | null {
  if (name.length > 64) return null;
  let best: string | null = null;
  let bestD = Math.max(1, Math.floor(name.length / 3)) + 1;
  for (const k of known) {
    const d = k.toLowerCase() === name.toLowerCase() ? 0 : distance(name, k);
    if (d < bestD) [best, bestD] = [k, d];
  }
  return best;
}

function checkKeys(o: Obj, allowed: readonly string[], w: Where, noun: string): void {
  for (const k of Object.keys(o)) {
    if (allowed.includes(k)) continue;
    const near = closest(k, allowed);
    const more = near === null ? `expected ${allowed.join(', ')}` : `did you mean ${near}?`;
    bad(w, `unknown ${noun} ${show(k)} (${more})`, join(w.path, short(k)));
  }
}

function list(w: Where, field: string, v: unknown, min: number, max: number, what: string) {
  if (!Array.isArray(v) || v.length < min || v.length > max) {
    const got = Array.isArray(v) ? `${v.length} entries` : show(v);
    badField(w, field, `must be a list of ${min} to ${max} ${what}, got ${got}`);
  }
  return v;
}

function text(w: Where, field: string, v: unknown, max: number, nonEmpty = false): string {
  if (typeof v !== 'string') badField(w, field, `must be a string, got ${show(v)}`);
  if (v.length > max) badField(w, field, `must be at most ${max} characters, got ${v.length}`);
  if (nonEmpty && v.trim() === '') badField(w, field, 'must not be empty');
  return v;
}

function int(w: Where, field: string, v: unknown, min: number, max: number, what: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    badField(w, field, `must be ${what}, got ${show(v)}`);
  }
  return v + 0; // -0 becomes 0
}

function era(w: Where, v: unknown): EraId {
  if (v === undefined) badField(w, 'era', `is required (one of ${ERA_IDS.join(', ')})`);
  if (!isEraId(v))
    bad(w, `era ${show(v)} is not one of ${ERA_IDS.join(', ')}`, join(w.path, 'era'));
  return v;
}

// ---- ops ----

const NAME_RE = /^[A-Za-z0-9._-]{1,64}$/;

function opField(w: Where, o: Obj, f: FieldName): unknown {
  const v = own(o, f);
  if (v === undefined) {
    if (f === 'growsdown' || f === 'write') return undefined;
    badField(w, f, 'is required');
  }
  switch (f) {
    case 'pid':
    case 'child':
    case 'ref':
      if (typeof v === 'string' && NAME_RE.test(v)) return v;
      return badField(w, f, `must be 1 to 64 characters of A-Z a-z 0-9 . _ -, got ${show(v)}`);
    case 'addr':
    case 'newAddr':
      return int(w, f, v, 0, MAX_ADDR - 1, `a whole number of pages ≥ 0 and < ${MAX_ADDR}`);
    case 'pages':
      return int(w, f, v, 1, MAX_PAGES, `a whole number of pages from 1 to ${MAX_PAGES}`);
    case 'prot':
      if (v !== 'r' && v !== 'rw') badField(w, f, `must be "r" or "rw", got ${show(v)}`);
      return v;
    case 'growsdown':
    case 'write':
      if (typeof v !== 'boolean') badField(w, f, `must be true or false, got ${show(v)}`);
      return v;
  }
}

function parseOp(
  v: unknown,
  label: string,
  base: Where,
  nested: boolean,
  format: ScenarioFormat,
): Scenario['ops'][number] {
  const w0: Where = { ...base, prefix: `${label}: ` };
  if (!isObj(v))
    return bad(w0, `must be an object like {"op": "spawn", "pid": "P"}, got ${show(v)}`);
  const name = own(v, 'op');
  if (name === undefined) badField(w0, 'op', `is required (one of ${OP_NAMES.join(', ')})`);
  if (typeof name !== 'string' || !OP_NAMES.includes(name)) {
    const near = typeof name === 'string' ? closest(name, OP_NAMES) : null;
    const more = near === null ? '' : `; did you mean ${near}?`;
    const what = `unknown op ${show(name)} (expected one of ${OP_NAMES.join(', ')}${more})`;
    bad(w0, what, join(base.path, 'op'));
  }
  const w: Where = { ...base, prefix: `${label} (${name}): ` };
  if (name === 'parallel') {
    if (nested)
      bad(w, '"parallel" cannot be nested inside a parallel thread', join(base.path, 'op'));
    return parseParallel(v, w, label, format);
  }
  if (format === SCENARIO_FORMAT && OPS_SINCE_2.includes(name)) {
    bad(w, `needs "format": "${SCENARIO_FORMAT_2}"`, join(base.path, 'op'));
  }
  const fields: readonly FieldName[] = OP_FIELDS[name as OpName];
  checkKeys(v, ['op', ...fields], w, 'field');
  const out: Obj = { op: name };
  for (const f of fields) {
    const x = opField(w, v, f);
    if (x !== undefined) out[f] = x;
  }
  return out as SimpleOp;
}

function parseParallel(
  o: Obj,
  w: Where,
  label: string,
  format: ScenarioFormat,
): Scenario['ops'][number] {
  checkKeys(o, ['op', 'threads', 'schedule'], w, 'field');
  const raw = list(w, 'threads', own(o, 'threads'), 2, 8, 'threads (each a list of ops)');
  // Array.from, not map: a hole in a caller's array is read as undefined, not skipped
  const threads = Array.from(raw, (thread, t) =>
    Array.from(list(w, `threads[${t}]`, thread, 1, MAX_OPS, 'ops'), (op, i) => {
      const at: Where = { ...w, path: join(w.path, `threads[${t}][${i}]`) };
      return parseOp(op, `${label} (parallel) thread ${t} op ${i}`, at, true, format) as SimpleOp;
    }),
  );
  const sched = own(o, 'schedule');
  if (sched === undefined) return { op: 'parallel', threads };
  const what = `a thread (CPU) number from 0 to ${threads.length - 1}`;
  const entries = list(w, 'schedule', sched, 0, MAX_SCHEDULE, 'thread numbers');
  const schedule = Array.from(entries, (x, i) =>
    int(w, `schedule[${i}]`, x, 0, threads.length - 1, what),
  );
  return { op: 'parallel', threads, schedule };
}

// ---- the optional parts ----

function parseFlags(v: unknown, w: Where): Partial<Flags> {
  if (!isObj(v)) badField(w, 'flags', `must be an object of flag names and values, got ${show(v)}`);
  const fw: Where = { ...w, prefix: `${w.prefix}flags: `, path: join(w.path, 'flags') };
  checkKeys(v, FLAG_NAMES, fw, 'flag'); // so every key is a flag name
  const out: Obj = {};
  for (const name of FLAG_NAMES) {
    const raw = own(v, name);
    if (raw === undefined) continue;
    const r = checkFlagValue(name, raw);
    if (!r.ok) bad(fw, `${r.error}, got ${show(raw)}`, join(fw.path, name));
    out[name] = r.value;
  }
  return out as Partial<Flags>;
}

function parseSource(v: unknown): NonNullable<Scenario['source']> {
  if (!isObj(v)) badField(TOP, 'source', `must be an object, got ${show(v)}`);
  const w: Where = { prefix: 'source: ', opIndex: null, path: 'source' };
  checkKeys(v, SOURCE_FIELDS, w, 'field');
  const out: Obj = {};
  for (const f of SOURCE_FIELDS) {
    const x = own(v, f);
    if (x !== undefined) out[f] = text(w, f, x, 500);
  }
  const url = out['url'];
  if (typeof url === 'string' && !/^https?:\/\//.test(url)) {
    badField(w, 'url', `must start with https:// or http://, got ${show(url)}`);
  }
  return out;
}

function parseNarration(v: unknown, nOps: number): NonNullable<Scenario['narration']> {
  const raw = list(TOP, 'narration', v, 0, MAX_NARRATION, 'entries');
  return Array.from(raw, (e, i) => {
    const w: Where = { prefix: `narration[${i}]: `, opIndex: null, path: `narration[${i}]` };
    if (!isObj(e)) bad(w, `must be an object like {"op": 0, "text": "..."}, got ${show(e)}`);
    checkKeys(e, ['op', 'step', 'text'], w, 'field');
    const [op, step] = [own(e, 'op'), own(e, 'step')];
    if ((op === undefined) === (step === undefined)) bad(w, 'needs exactly one of "op" or "step"');
    const t = text(w, 'text', own(e, 'text'), 5000);
    if (op !== undefined) {
      return { op: int(w, 'op', op, 0, nOps - 1, `an op index from 0 to ${nOps - 1}`), text: t };
    }
    const n = int(w, 'step', step, 0, Number.MAX_SAFE_INTEGER, 'a whole number of steps ≥ 0');
    return { step: n, text: t };
  });
}

function parseExpectEntry(e: unknown, w: Where, isBreak: boolean): ExpectBreak | ExpectHold {
  if (!isObj(e)) bad(w, `must be an object like {"era": "2.6.34"}, got ${show(e)}`);
  checkKeys(e, isBreak ? ['era', 'flags', 'kind'] : ['era', 'flags'], w, 'field');
  const out: ExpectHold = { era: era(w, own(e, 'era')) };
  const flags = own(e, 'flags');
  if (flags !== undefined) out.flags = parseFlags(flags, w);
  if (!isBreak) return out;
  const kind = own(e, 'kind');
  if (typeof kind !== 'string' || !(VIOLATION_KINDS as readonly string[]).includes(kind)) {
    badField(w, 'kind', `must be one of ${VIOLATION_KINDS.join(', ')}, got ${show(kind)}`);
  }
  return { ...out, kind };
}

function parseExpect(v: unknown): NonNullable<Scenario['expect']> {
  if (!isObj(v)) badField(TOP, 'expect', `must be an object of breaks and holds, got ${show(v)}`);
  const w: Where = { prefix: 'expect: ', opIndex: null, path: 'expect' };
  checkKeys(v, ['breaks', 'holds'], w, 'field');
  const out: NonNullable<Scenario['expect']> = {};
  for (const key of ['breaks', 'holds'] as const) {
    const x = own(v, key);
    if (x === undefined) continue;
    const raw = list(w, key, x, 0, MAX_EXPECT, 'entries');
    const entries = Array.from(raw, (e, i) => {
      const at = `expect.${key}[${i}]`;
      return parseExpectEntry(e, { prefix: `${at}: `, opIndex: null, path: at }, key === 'breaks');
    });
    if (key === 'breaks') out.breaks = entries as ExpectBreak[];
    else out.holds = entries;
  }
  return out;
}

// ---- the whole file ----

function parseTop(o: Obj): Scenario {
  const format = own(o, 'format');
  if (!(SCENARIO_FORMATS as readonly unknown[]).includes(format)) {
    const known = SCENARIO_FORMATS.map((f) => `"${f}"`).join(' or ');
    badField(TOP, 'format', `must be ${known}, got ${show(format)}`);
  }
  const fmt = format as ScenarioFormat;
  checkKeys(o, TOP_FIELDS, TOP, 'top-level field');
  const title = text(TOP, 'title', own(o, 'title'), 200, true);
  const e = era(TOP, own(o, 'era'));
  const rawOps = list(TOP, 'ops', own(o, 'ops'), 1, MAX_OPS, 'ops');
  const ops = Array.from(rawOps, (op, i) =>
    parseOp(op, `op ${i}`, { prefix: '', opIndex: i, path: '' }, false, fmt),
  );
  const [d, src, fl, nar, exp] = ['description', 'source', 'flags', 'narration', 'expect'].map(
    (k) => own(o, k),
  );
  return {
    format: fmt,
    title,
    ...(d === undefined ? {} : { description: text(TOP, 'description', d, 5000) }),
    ...(src === undefined ? {} : { source: parseSource(src) }),
    era: e,
    ...(fl === undefined ? {} : { flags: parseFlags(fl, TOP) }),
    ops,
    ...(nar === undefined ? {} : { narration: parseNarration(nar, ops.length) }),
    ...(exp === undefined ? {} : { expect: parseExpect(exp) }),
  };
}

function toObject(input: unknown): Obj {
  let v = input;
  if (typeof input === 'string') {
    if (input.length > MAX_SCENARIO_CHARS) {
      throw new ScenarioError(
        `scenario text is too large: ${input.length} characters (the limit is ${MAX_SCENARIO_CHARS})`,
      );
    }
    try {
      v = JSON.parse(input);
    } catch (err) {
      throw new ScenarioError(`malformed JSON: ${errorText(err)}`);
    }
  }
  if (!isObj(v)) throw new ScenarioError(`a scenario must be a JSON object, got ${show(v)}`);
  return v;
}

/** Validates Contract 1 (a JSON string or a parsed value) and returns a fresh, clean Scenario. */
export function parseScenario(input: unknown): Scenario {
  try {
    return parseTop(toObject(input));
  } catch (err) {
    if (err instanceof ScenarioError) throw err;
    // a getter that throws, a stack overflow: still a clear error, never a raw exception
    throw new ScenarioError(`invalid scenario: ${errorText(err)}`);
  }
}

// ---- writing ----

function flat(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(flat).join(', ')}]`;
  if (!isObj(v)) return JSON.stringify(v) ?? 'null';
  return `{${Object.entries(v)
    .map(([k, x]) => `${JSON.stringify(k)}: ${flat(x)}`)
    .join(', ')}}`;
}

/** One line when it fits in 100 columns (lists of numbers always), else one entry per line. */
function pretty(v: unknown, indent: string, force: boolean): string {
  const one = flat(v);
  if (typeof v !== 'object' || v === null) return one;
  const isList = Array.isArray(v);
  const entries: [string, unknown][] = isList ? v.map((x) => ['', x]) : Object.entries(v);
  const simple = isList && entries.every(([, x]) => typeof x !== 'object' || x === null);
  if (simple || entries.length === 0 || (!force && indent.length + one.length <= 100)) return one;
  const inner = `${indent}  `;
  const key = (k: string) => (isList ? '' : `${JSON.stringify(k)}: `);
  const lines = entries.map(([k, x]) => `${inner}${key(k)}${pretty(x, inner, indent === '')}`);
  return `${isList ? '[' : '{'}\n${lines.join(',\n')}\n${indent}${isList ? ']' : '}'}`;
}

/**
 * The scenario as JSON text that parseScenario reads back to an equal value. Keys come in a stable
 * order (format, title, description, source, era, flags, ops, narration, expect; each op's fields
 * as in the contract), because they are written from a fresh parse, which also means an invalid
 * scenario throws ScenarioError here instead of being written.
 */
export function scenarioToJson(s: Scenario): string {
  return `${pretty(parseScenario(s), '', true)}\n`;
}
