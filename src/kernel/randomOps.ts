// Random, valid, sequential op sequences for the property tests (properties.test.ts): a choice
// generator, its reading in the current state, and a player that runs the ops one by one with the
// tests' own whole-state checks after each. Test support only: nothing in the app imports it.
import fc from 'fast-check';
import { resolveFlags, type EraId, type Flags } from './flags';
import { counterErrors } from './invariants';
import { Runner } from './runner';
import { forestOf } from './snapshot';
import { formatFor, type Scenario, type ScenarioOp, type SimpleOp } from './scenarioTypes';
import { avId, findVma, liveMms, vmaId, type Mm, type State, type Vma } from './state';
import type { Violation } from './trace';

/** Pages 0..LIMIT-1 hold the mappings; small, so that VMAs touch, merge and split often. */
const LIMIT = 24;
const MAX_PROCS = 6;

const KINDS = {
  spawn: 1,
  mmap: 3,
  write: 8,
  read: 2,
  fork: 4,
  /** a generation of §8.8: fork, the child writes, the parent exits */
  generation: 3,
  mprotect: 4,
  munmap: 2,
  expand: 2,
  exit: 3,
  migrate: 2,
  ksm_get: 3,
  ksm_put: 3,
  take_all_locks: 1,
  mremap: 2,
  reclaim: 2,
} as const;
export type Kind = keyof typeof KINDS;

export interface Choice {
  kind: Kind;
  a: number;
  b: number;
  c: number;
  d: number;
  e: boolean;
}

const kindArb: fc.Arbitrary<Kind> = fc.oneof(
  ...(Object.entries(KINDS) as [Kind, number][]).map(([k, weight]) => ({
    weight,
    arbitrary: fc.constant(k),
  })),
);
const n = fc.nat({ max: 1000 });
export const choiceArb: fc.Arbitrary<Choice> = fc.record({
  kind: kindArb,
  a: n,
  b: n,
  c: n,
  d: n,
  e: fc.boolean(),
});
export const choicesArb = fc.array(choiceArb, { minLength: 5, maxLength: 25 });

const pick = <T>(xs: readonly T[], i: number): T | undefined => xs[i % Math.max(1, xs.length)];

function withVmas(s: State, i: number): Mm | undefined {
  return pick(
    liveMms(s).filter((m) => m.vmas.length > 0),
    i,
  );
}

/** The run of VMAs without gaps that contains v: [start, end). */
function contiguous(mm: Mm, v: Vma): { start: number; end: number } {
  let start = v.start;
  let end = v.end;
  for (;;) {
    const before = mm.vmas.find((x) => x.end === start);
    if (!before) break;
    start = before.start;
  }
  for (;;) {
    const after = mm.vmas.find((x) => x.start === end);
    if (!after) break;
    end = after.end;
  }
  return { start, end };
}

/** Present anonymous pages (not the zero page, not migration entries) of live processes. */
function anonPages(s: State): { pid: string; addr: number }[] {
  return liveMms(s).flatMap((mm) =>
    [...mm.ptes.entries()]
      .filter(([, p]) => p.page !== s.zeroPage && !p.migration && p.page.mapping)
      .sort((x, y) => x[0] - y[0])
      .map(([addr]) => ({ pid: mm.pid, addr })),
  );
}

/** Turns one random choice into ops that are valid in the current state (none: skip). */
export function interpret(s: State, ch: Choice, fresh: () => number): SimpleOp[] {
  if (ch.kind === 'generation') {
    const mm = pick(liveMms(s), ch.a);
    const v =
      mm &&
      pick(
        mm.vmas.filter((x) => x.prot === 'rw'),
        ch.b,
      );
    if (!mm || liveMms(s).length >= MAX_PROCS) return [];
    const child = `G${fresh()}`;
    const ops: SimpleOp[] = [{ op: 'fork', pid: mm.pid, child }];
    if (v)
      ops.push({
        op: 'touch',
        pid: child,
        addr: v.start + (ch.c % (v.end - v.start)),
        write: true,
      });
    ops.push({ op: 'exit', pid: mm.pid });
    return ops;
  }
  const op = interpretOne(s, ch, fresh);
  return op ? [op] : [];
}

function interpretOne(s: State, ch: Choice, fresh: () => number): SimpleOp | null {
  const live = liveMms(s);
  const len = (v: Vma) => v.end - v.start;
  switch (ch.kind) {
    case 'spawn':
      return live.length >= MAX_PROCS ? null : { op: 'spawn', pid: `S${fresh()}` };
    case 'mmap': {
      const mm = pick(live, ch.a);
      if (!mm) return null;
      const holes: { start: number; end: number }[] = [];
      let at = 0;
      for (const v of mm.vmas) {
        if (v.start > at) holes.push({ start: at, end: v.start });
        at = Math.max(at, v.end);
      }
      if (at < LIMIT) holes.push({ start: at, end: LIMIT });
      const h = pick(holes, ch.b);
      if (!h) return null;
      const addr = h.start + (ch.c % (h.end - h.start));
      const pages = 1 + (ch.d % Math.min(4, h.end - addr));
      return ch.d % 5 === 0
        ? { op: 'mmap', pid: mm.pid, addr, pages, growsdown: true }
        : { op: 'mmap', pid: mm.pid, addr, pages };
    }
    case 'write':
    case 'read': {
      const mm = withVmas(s, ch.a);
      if (!mm) return null;
      const write = ch.kind === 'write';
      const vmas = write ? mm.vmas.filter((v) => v.prot === 'rw') : mm.vmas;
      const v = pick(vmas, ch.b);
      if (!v) return null;
      return { op: 'touch', pid: mm.pid, addr: v.start + (ch.c % len(v)), write };
    }
    case 'fork': {
      const mm = pick(live, ch.a);
      if (!mm || live.length >= MAX_PROCS) return null;
      return { op: 'fork', pid: mm.pid, child: `C${fresh()}` };
    }
    case 'mprotect': {
      const mm = withVmas(s, ch.a);
      const v = mm && pick(mm.vmas, ch.b);
      if (!mm || !v) return null;
      const run = contiguous(mm, v);
      const addr = v.start + (ch.c % len(v));
      const pages = 1 + (ch.d % Math.min(6, run.end - addr));
      return { op: 'mprotect', pid: mm.pid, addr, pages, prot: ch.e ? 'r' : 'rw' };
    }
    case 'munmap': {
      const mm = withVmas(s, ch.a);
      const v = mm && pick(mm.vmas, ch.b);
      if (!mm || !v) return null;
      const addr = Math.max(0, v.start - 1 + (ch.c % (len(v) + 2)));
      return { op: 'munmap', pid: mm.pid, addr, pages: 1 + (ch.d % 5) };
    }
    case 'expand': {
      const mm = withVmas(s, ch.a);
      const v = mm && pick(mm.vmas, ch.b);
      if (!mm || !v) return null;
      const i = mm.vmas.indexOf(v);
      const room = v.growsdown
        ? v.start - (mm.vmas[i - 1]?.end ?? 0)
        : (mm.vmas[i + 1]?.start ?? LIMIT + 8) - v.end;
      if (room < 1) return null;
      const pages = 1 + (ch.c % Math.min(room, 3));
      return { op: 'expand', pid: mm.pid, addr: v.start + (ch.d % len(v)), pages };
    }
    case 'exit': {
      const mm = pick(live, ch.a);
      return mm ? { op: 'exit', pid: mm.pid } : null;
    }
    case 'migrate': {
      const p = pick(anonPages(s), ch.a);
      return p ? { op: 'migrate', pid: p.pid, addr: p.addr } : null;
    }
    case 'ksm_get': {
      const p = pick(anonPages(s), ch.a);
      return p ? { op: 'ksm_get', pid: p.pid, addr: p.addr, ref: `k${fresh()}` } : null;
    }
    case 'ksm_put': {
      const ref = pick([...s.refs.keys()], ch.a);
      return ref ? { op: 'ksm_put', ref } : null;
    }
    case 'take_all_locks': {
      const mm = pick(live, ch.a);
      return mm ? { op: 'take_all_locks', pid: mm.pid } : null;
    }
    case 'mremap': {
      // part of one VMA into a free stretch below LIMIT (the model moves only into free space)
      const mm = withVmas(s, ch.a);
      const v = mm && pick(mm.vmas, ch.b);
      if (!mm || !v) return null;
      const pages = 1 + (ch.c % Math.min(2, len(v)));
      const addr = v.start + (ch.d % (len(v) - pages + 1));
      const free = (at: number) =>
        mm.vmas.every((x) => x.end <= at || x.start >= at + pages) && at + pages <= LIMIT;
      const targets = Array.from({ length: LIMIT }, (_, at) => at).filter(free);
      const to = pick(targets, ch.c + ch.d);
      return to === undefined ? null : { op: 'mremap', pid: mm.pid, addr, pages, newAddr: to };
    }
    case 'reclaim': {
      const p = pick(anonPages(s), ch.a);
      return p ? { op: 'reclaim', pid: p.pid, addr: p.addr } : null;
    }
    case 'generation':
      return null;
  }
}

export const scenarioOf = (era: EraId, ops: ScenarioOp[]): Scenario => ({
  format: formatFor(ops),
  title: 'property',
  era,
  ops,
});

interface Outcome {
  ops: SimpleOp[];
  state: State;
  violations: Violation[];
  /** the op (index into ops) during which each violation appeared */
  violationOps: number[];
  /** structural problems found by the test's own checks after some op */
  problems: string[];
}

/** The test's own whole-state checks (spec I-R1/I-R2, I-S2, I-S5; I-D0/I-D1 in reuse eras). */
function ownChecks(s: State, f: Flags): string[] {
  const out: string[] = [];
  for (const mm of liveMms(s)) {
    for (const v of mm.vmas) {
      if ((v.anonVma !== null) !== v.chain.length > 0) {
        out.push(
          `${vmaId(v)}: anon_vma ${v.anonVma ? avId(v.anonVma) : 'NULL'} but chain of ${v.chain.length}`,
        );
      }
      if (v.anonVma && !v.chain.some((c) => c.av === v.anonVma)) {
        out.push(`${vmaId(v)}: anon_vma ${avId(v.anonVma)} is not on its chain`);
      }
      if (f.trackRoot && v.chain.length > 0) {
        const tail = v.chain[v.chain.length - 1]!.av;
        if (tail.root !== tail) out.push(`${vmaId(v)}: chain tail ${avId(tail)} is not a root`);
        for (const c of v.chain) {
          if (c.av.root !== tail)
            out.push(`${vmaId(v)}: ${avId(c.av)}'s root is not the chain tail ${avId(tail)}`);
        }
      }
      for (const c of v.chain) {
        if (c.av.freed) out.push(`${vmaId(v)}: chain holds freed ${avId(c.av)}`);
      }
    }
    for (const [addr, pte] of mm.ptes) {
      if (pte.migration) out.push(`${mm.pid}:${addr}: a migration entry outside a migration`);
      const av = pte.page.mapping;
      if (!av) continue;
      const v = findVma(mm, addr);
      if (!v) {
        out.push(`${mm.pid}:${addr}: a page mapped outside any VMA`);
        continue;
      }
      if (!v.chain.some((c) => c.av === av)) {
        out.push(`${mm.pid}:${addr}: page's ${avId(av)} is not on ${vmaId(v)}'s chain`);
      }
      if (v.start + (pte.page.index - v.pgoff) !== addr) {
        out.push(
          `${mm.pid}:${addr}: page index ${pte.page.index} does not map back to ${addr} in ${vmaId(v)}`,
        );
      }
    }
  }
  if (f.trackRoot) {
    for (const av of s.anonVmas) {
      if (!av.freed && av.root.freed)
        out.push(`${avId(av)}: its root ${avId(av.root)} was freed (I-F2)`);
    }
  }
  out.push(...refcountErrors(s, f));
  if (f.reuse !== 'none') {
    out.push(...kernelCounterErrors(s, f));
    // counterErrors counts every live child; it agrees with the kernel's counting as long as
    // no anon_vma lives on with an empty tree (kept only by a KSM reference).
    if (s.anonVmas.every((a) => a.freed || a.list.length > 0)) out.push(...counterErrors(s));
  }
  return out;
}

/** Contract 2: every live anon_vma is listed, and no listed root names a freed one. */
export function forestErrors(s: State, f: Flags): string[] {
  const errs: string[] = [];
  const forest = forestOf(s);
  const live = s.anonVmas.filter((a) => !a.freed).length;
  if (forest.anon_vmas.length !== live) {
    errs.push(`forest lists ${forest.anon_vmas.length} anon_vma(s), ${live} are live`);
  }
  if (f.trackRoot) {
    for (const a of forest.anon_vmas)
      if (a.root?.startsWith('freed:')) errs.push(`forest: ${a.id}.root is ${a.root}`);
  }
  return errs;
}

/**
 * Between ops every reference is accounted for (I-R4, exactly): KSM references, the child→root
 * pins of 5/5, and from 3.0 the list reference held while the tree is not empty.
 */
function refcountErrors(s: State, f: Flags): string[] {
  const errs: string[] = [];
  const live = s.anonVmas.filter((a) => !a.freed);
  for (const av of live) {
    const refs = [...s.refs.values()].filter((r) => r.av === av).length;
    const pins =
      f.pinRoot && f.trackRoot ? live.filter((y) => y !== av && y.root === av).length : 0;
    const list = f.refcount === 'refcount' && av.list.length > 0 ? 1 : 0;
    if (av.refcount !== refs + pins + list) {
      errs.push(
        `${avId(av)}: refcount ${av.refcount}, expected ${refs} ref(s) + ${pins} pin(s) + ${list}`,
      );
    }
    if (av.list.length === 0 && refs === 0 && pins === 0)
      errs.push(`${avId(av)}: empty and unreferenced, but not freed`);
  }
  return errs;
}

/**
 * I-D0 / I-D1 as the kernel keeps them: a child stops counting for its parent when its tree
 * empties (unlink_anon_vmas pass 1 decrements the parent then), even if a KSM reference keeps
 * it allocated afterwards.
 */
function kernelCounterErrors(s: State, f: Flags): string[] {
  const errs: string[] = [];
  const live = s.anonVmas.filter((a) => !a.freed);
  const vmas = liveMms(s).flatMap((m) => m.vmas);
  for (const av of live) {
    const active = vmas.filter((v) => v.anonVma === av).length;
    const children = live.filter((y) => y !== av && y.parent === av && y.list.length > 0).length;
    const self = av.root === av && av.list.length > 0 ? 1 : 0;
    if (f.reuse === 'num_children') {
      if (av.numActiveVmas !== active)
        errs.push(`${avId(av)}: num_active_vmas ${av.numActiveVmas}, expected ${active}`);
      if (av.numChildren !== children + self)
        errs.push(`${avId(av)}: num_children ${av.numChildren}, expected ${children + self}`);
    } else if (av.degree !== active + children + self) {
      errs.push(`${avId(av)}: degree ${av.degree}, expected ${active + children + self}`);
    }
  }
  return errs;
}

export function play(
  era: EraId,
  choices: Choice[],
  flags: Partial<Flags> = {},
  opFilter?: (k: Kind) => boolean,
  teardown = true,
  checks: (s: State, f: Flags) => string[] = ownChecks,
): Outcome {
  const f = resolveFlags(era, flags);
  const r = new Runner(era, f);
  const ops: SimpleOp[] = [];
  const violationOps: number[] = [];
  const problems: string[] = [];
  let counter = 0;
  const exec = (op: SimpleOp): void => {
    const before = r.violations.length;
    ops.push(op);
    r.run(scenarioOf(era, [op]));
    for (let i = before; i < r.violations.length; i++) violationOps.push(ops.length - 1);
    for (const p of checks(r.s, f)) problems.push(`after op ${ops.length - 1} (${op.op}): ${p}`);
  };
  exec({ op: 'spawn', pid: 'P' });
  exec({ op: 'mmap', pid: 'P', addr: 4, pages: 4 });
  exec({ op: 'touch', pid: 'P', addr: 5, write: true });
  for (const ch of choices) {
    if (opFilter && !opFilter(ch.kind)) continue;
    for (const op of interpret(r.s, ch, () => counter++)) exec(op);
  }
  if (teardown) {
    // Everyone exits, every reference is dropped: nothing may be left allocated.
    for (const mm of liveMms(r.s)) exec({ op: 'exit', pid: mm.pid });
    for (const ref of [...r.s.refs.keys()]) exec({ op: 'ksm_put', ref });
    for (const av of r.s.anonVmas)
      if (!av.freed) problems.push(`after teardown: ${avId(av)} leaked`);
  }
  return { ops, state: r.s, violations: r.violations, violationOps, problems };
}

export const show = (o: Outcome): string =>
  `ops: ${JSON.stringify(o.ops)}\nviolations: ${JSON.stringify(o.violations, null, 1)}\nproblems: ${o.problems.join('\n')}`;
