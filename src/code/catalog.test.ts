import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERA_IDS, resolveFlags, type Flags } from '../kernel/flags';
import { parseScenario, replay, type Scenario } from '../kernel';
import { builtinScenarios } from '../scenarios';
import { CODE_ENTRIES, codeEntry, visibleLines } from './catalog';
import { sourceOf } from './sources';
import { isAbsent } from './types';

// the recordings, which reach mremap, growsdown stacks and migration of shared pages too
const fixtures: [string, Scenario][] = ['linux-6.1', 'linux-6.1-newops'].flatMap((set) => {
  const dir = join(__dirname, '../../fixtures', set);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.scenario.json'))
    .map((f): [string, Scenario] => [f, parseScenario(readFileSync(join(dir, f), 'utf8'))]);
});
// mremap is in no built-in scenario: one here, moving a whole VMA and part of one.
const mremap = parseScenario({
  format: 'anon-vma-forest/scenario@1',
  title: 'mremap',
  era: '6.1',
  ops: [
    { op: 'spawn', pid: 'P' },
    { op: 'mmap', pid: 'P', addr: 0, pages: 4 },
    { op: 'touch', pid: 'P', addr: 1, write: true },
    { op: 'mremap', pid: 'P', addr: 0, pages: 4, newAddr: 20 },
    { op: 'mmap', pid: 'P', addr: 40, pages: 2 },
    { op: 'mremap', pid: 'P', addr: 20, pages: 1, newAddr: 42 },
  ],
});
const scenarios: [string, Scenario][] = [
  ...builtinScenarios.map((b): [string, Scenario] => [b.id, b.scenario]),
  ...fixtures,
  ['mremap', mremap],
];

const VARIANTS: Partial<Flags>[] = [
  {},
  { lockDance: true },
  { lockDeepest: true },
  { rmapWalkLock: 'none' },
  { allLocksMarkRoot: false },
  { ksmDrop: 'dec-then-lock' },
  { chainLimit: 2 },
];

interface Seen {
  fn: string;
  line: string;
  where: string;
  flags: Flags;
}

/** Every (fn, line) the model emits, with the replay that emitted it first under each flags. */
function emitted(): Seen[] {
  const out = new Map<string, Seen>();
  for (const [name, sc] of scenarios) {
    for (const era of ERA_IDS) {
      for (const flags of VARIANTS) {
        const r = replay(sc, { era, flags });
        for (const s of r.steps) {
          const key = `${s.fn}\u0000${s.line}\u0000${JSON.stringify(r.flags)}`;
          if (!out.has(key)) {
            out.set(key, {
              fn: s.fn,
              line: s.line,
              where: `${name} in ${era} ${JSON.stringify(flags)}`,
              flags: r.flags,
            });
          }
        }
      }
    }
  }
  return [...out.values()];
}

const seen = emitted();

describe('the pseudo-code catalog', () => {
  it('replays a broad set of steps', () => {
    expect(new Set(seen.map((s) => s.fn)).size).toBeGreaterThan(40);
  });

  it('has an entry with a visible line for every (fn, line) the model emits', () => {
    const missing = seen
      .filter((s) => {
        const e = codeEntry(s.fn);
        if (!e) return true;
        // The line must be shown under the flags that produced it, not only kept as a fallback.
        return !visibleLines(e, s.flags).some((l) => l.id === s.line);
      })
      .map((s) => `${s.fn}:${s.line} (${s.where})`);
    expect([...new Set(missing)]).toEqual([]);
  });

  it('has a source entry for every function the model names, in every era', () => {
    const missing = [...new Set(seen.map((s) => s.fn))].filter((fn) =>
      ERA_IDS.some((era) => sourceOf(fn, era) === undefined),
    );
    expect(missing).toEqual([]);
  });

  it('never calls a function absent from the era the model ran it in', () => {
    const wrong = new Set<string>();
    for (const [name, sc] of scenarios) {
      for (const era of ERA_IDS) {
        for (const s of replay(sc, { era }).steps) {
          const p = sourceOf(s.fn, era);
          if (p && isAbsent(p)) wrong.add(`${s.fn} in ${era} (${name})`);
        }
      }
    }
    expect([...wrong]).toEqual([]);
  });

  it('has one entry per function and unique ids within each visible variant', () => {
    const fns = CODE_ENTRIES.map((e) => e.fn);
    expect(new Set(fns).size).toBe(fns.length);
    for (const e of CODE_ENTRIES) {
      for (const era of ERA_IDS) {
        const ids = visibleLines(e, resolveFlags(era))
          .map((l) => l.id)
          .filter((id) => id !== undefined);
        expect(new Set(ids).size, `${e.fn} in ${era}`).toBe(ids.length);
      }
    }
  });

  it('keeps the current line visible even under an unforeseen flag mix', () => {
    const e = codeEntry('anon_vma_chain_link')!;
    const flags = resolveFlags('6.1');
    expect(visibleLines(e, flags).some((l) => l.id === 'same-vma')).toBe(false);
    expect(visibleLines(e, flags, 'same-vma').some((l) => l.id === 'same-vma')).toBe(true);
  });
});
