// Where execution is, as the view state tells it (Contract 4: data-visiting, data-locked on a
// process, a page and each CPU's holds), checked against the trace the same replay recorded.
import { describe, expect, it } from 'vitest';
import { builtinScenarios } from '../scenarios';
import { parseAvcId, parseLockId, replay } from '.';
import type { Replay, ViewState } from '.';

const scenario = (id: string) => {
  const b = builtinScenarios.find((s) => s.id === id);
  if (!b) throw new Error(`no built-in scenario ${id}`);
  return b.scenario;
};

const all = (t: Replay): ViewState[] =>
  t.statesAt(Array.from({ length: t.steps.length + 1 }, (_, i) => i));

const WALKS = new Set(['rmap_walk_anon', 'try_to_unmap_anon']);

/** The VMA a visit step names (`visit P:10/av0 — …`): what the trace says, for the check only. */
function visited(text: string): string {
  const id = /^visit (\S+)/.exec(text)?.[1];
  const avc = id ? parseAvcId(id) : null;
  if (!avc) throw new Error(`not a visit step: ${text}`);
  return avc.vma;
}

function checkVisits(t: Replay): number {
  const states = all(t);
  let visits = 0;
  t.steps.forEach((st, i) => {
    const v = states[i + 1]!;
    const me = v.cpus.find((c) => c.cpu === st.cpu);
    if (WALKS.has(st.fn) && st.line === 'visit') {
      visits++;
      const vma = visited(st.text);
      expect(me?.visiting?.vma, `step ${i + 1}: ${st.text}`).toBe(vma);
      const row = v.processes.flatMap((p) => p.vmas).find((x) => x.id === vma);
      expect(row?.visitedBy, `step ${i + 1}`).toContain(st.cpu);
    }
    if (WALKS.has(st.fn) && (st.line === 'unlock' || st.line === 'rcu-unlock')) {
      expect(me?.visiting, `step ${i + 1}: the walk is over`).toBeUndefined();
    }
  });
  // at every cursor the VMAs marked are exactly those the CPUs visit
  states.forEach((v, n) => {
    const marked = v.processes
      .flatMap((p) => p.vmas)
      .flatMap((x) => (x.visitedBy ?? []).map((c) => `cpu${c}@${x.id}`))
      .sort();
    const walking = v.cpus
      .flatMap((c) => (c.visiting ? [`cpu${c.cpu}@${c.visiting.vma}`] : []))
      .sort();
    expect(marked, `cursor ${n}`).toEqual(walking);
  });
  return visits;
}

describe('the rmap walker', () => {
  it('is on the VMA each visit step of race-8.1 (2.6.34) names, and gone when the walk ends', () => {
    const t = replay(scenario('race-8.1'), { era: '2.6.34' });
    expect(checkVisits(t)).toBe(4);
    // step 46 visits P:10; cpu1's mprotect then renames P:20 to P:25, where the walk goes next
    const at = (n: number) => t.stateAt(n).cpus.find((c) => c.cpu === 0)?.visiting;
    expect(at(46)).toEqual({ vma: 'P:10', avc: 'P:10/av0' });
    expect(at(52)).toEqual({ vma: 'P:10', avc: 'P:10/av0' });
    expect(at(53)).toEqual({ vma: 'P:25', avc: 'P:25/av0' });
    expect(at(55)).toBeUndefined();
    expect(at(45)).toBeUndefined();
  });

  it('follows every walk of "why the chain" in 2.6.33 and in 2.6.34', () => {
    const old = replay(scenario('tour-why-the-chain'), { era: '2.6.33' });
    const chain = replay(scenario('tour-why-the-chain'), { era: '2.6.34' });
    // the tour's point: the old walk of C4's private page visits the whole family
    expect(checkVisits(old)).toBeGreaterThan(checkVisits(chain));
  });

  it('is right in every built-in scenario under its own era', () => {
    for (const b of builtinScenarios) checkVisits(replay(b.scenario));
  });
});

/** A lock owner's kind; `#2` keeps apart two per-VMA locks taken under one name. */
const kindOf = (owner: string) => parseLockId(owner.split('#')[0]!)?.kind;

/**
 * What each CPU holds after each step, from the lock events alone (and downgrades). Two VMAs may
 * be locked under one name (a split's new half starts where the old one did): per-VMA locks are
 * kept apart by a count.
 */
function heldByEvents(t: Replay): Map<number, Map<string, 'w' | 'r'>>[] {
  const now = new Map<number, Map<string, 'w' | 'r'>>();
  const out = [new Map<number, Map<string, 'w' | 'r'>>()];
  for (const st of t.steps) {
    const mine = now.get(st.cpu) ?? new Map<string, 'w' | 'r'>();
    now.set(st.cpu, mine);
    const l = st.lock;
    const vma = l !== undefined && kindOf(l.owner) === 'vma';
    if (l?.kind === 'acquire') {
      let key = l.owner;
      for (let i = 2; vma && mine.has(key); i++) key = `${l.owner}#${i}`;
      mine.set(key, l.mode);
    }
    if (l?.kind === 'release') {
      const keys = [...mine.keys()].filter((k) => k === l.owner || k.startsWith(`${l.owner}#`));
      const last = keys[keys.length - 1];
      if (last !== undefined) mine.delete(last);
    }
    if (st.line === 'downgrade')
      for (const [owner] of mine) if (kindOf(owner) === 'mmap') mine.set(owner, 'r');
    out.push(new Map([...now].map(([c, m]) => [c, new Map(m)])));
  }
  return out;
}

function checkHolds(t: Replay): void {
  const states = all(t);
  const events = heldByEvents(t);
  states.forEach((v, n) => {
    for (const c of v.cpus) {
      const want = events[n]!.get(c.cpu) ?? new Map<string, 'w' | 'r'>();
      const got = new Map(c.holds.map((h) => [h.owner, h.mode]));
      const where = `cursor ${n} cpu${c.cpu}`;
      // a per-VMA lock is named by the VMA's start, which may move while it is held: count them
      const vmaLocks = (m: [string, 'w' | 'r'][]) =>
        m
          .filter(([o]) => kindOf(o) === 'vma')
          .map(([, mode]) => mode)
          .sort();
      const held = c.holds.map((h): [string, 'w' | 'r'] => [h.owner, h.mode]);
      expect(vmaLocks(held), where).toEqual(vmaLocks([...want]));
      for (const [owner, mode] of want)
        if (kindOf(owner) !== 'vma') expect(got.get(owner), `${where} ${owner}`).toBe(mode);
      // only a page locked with no event (migration's new page, private to the CPU) is extra
      for (const owner of got.keys()) {
        const kind = kindOf(owner);
        if (!want.has(owner) && kind !== 'vma') expect(kind, `${where} ${owner}`).toBe('page');
      }
    }
    // every holder of every drawn lock is a CPU of the view, holding it
    const holds = (cpu: number, owner: string) =>
      v.cpus.find((c) => c.cpu === cpu)?.holds.some((h) => h.owner === owner) ?? false;
    for (const a of v.anonVmas) for (const c of a.lockedBy) expect(holds(c, a.id)).toBe(true);
    for (const p of v.pages)
      for (const c of p.lockedBy ?? []) expect(holds(c, `page:${p.page}`)).toBe(true);
  });
}

describe('what each CPU holds', () => {
  it('matches the lock events of every built-in scenario, step by step', () => {
    for (const b of builtinScenarios) checkHolds(replay(b.scenario));
    checkHolds(replay(scenario('race-8.1'), { era: '2.6.34' }));
    checkHolds(replay(scenario('race-8.1'), { era: '6.12' }));
  });

  it("marks P while cpu1's mprotect holds its mmap_sem for write (race-8.1, steps 47–54)", () => {
    const t = replay(scenario('race-8.1'), { era: '2.6.34' });
    const states = all(t);
    const p = (n: number) => states[n]!.processes.find((x) => x.pid === 'P');
    for (let n = 47; n <= 53; n++) {
      expect(p(n)?.lockedBy, `step ${n}`).toEqual([1]);
      expect(p(n)?.lockMode).toBe('w');
      expect(states[n]!.cpus.find((c) => c.cpu === 1)?.holds).toEqual([
        { owner: 'mmap_sem:P', mode: 'w' },
      ]);
    }
    expect(p(54)?.lockedBy).toBeUndefined();
    // the migration holds page 2's lock throughout: its page-table entry says so
    for (let n = 36; n <= 55; n++) {
      const pte = states[n]!.pages.find((x) => x.page === 2);
      expect(pte?.lockedBy, `step ${n}`).toEqual([0]);
    }
    expect(states[56]!.pages.every((x) => x.lockedBy === undefined)).toBe(true);
  });

  it('names the mode a waiting CPU asks for', () => {
    for (const b of builtinScenarios) {
      const t = replay(b.scenario);
      for (const v of all(t))
        for (const c of v.cpus)
          if (c.waitingFor) expect(c.waitingMode, `${b.id} cpu${c.cpu}`).toMatch(/^[wr]$/);
    }
  });
});
