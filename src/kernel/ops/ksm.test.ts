// ksm_get / ksm_put: a KSM (or migration) reference on a page's anon_vma, which may outlive
// the process (spec §2.2 KSM, §4.3 drop_anon_vma, §5.3 put_anon_vma, §8.4, §8.7).
import { describe, expect, it } from 'vitest';
import { ERA_IDS, type EraId } from '../flags';
import { counterErrors } from '../invariants';
import {
  exit,
  fork,
  ksmGet,
  ksmPut,
  mmap,
  oneVma,
  parallel,
  read,
  run,
  scenarioError,
  spawn,
  write,
} from '../testing';

/** P forks C; C's COW page at 0 belongs to C's anon_vma (B); KSM holds B; everyone exits. */
const orphan = [
  oneVma('P', 0, 1),
  fork('P', 'C'),
  write('C', 0),
  ksmGet('C', 0, 'k'),
  exit('P'),
  exit('C'),
];

describe('ksm_get / ksm_put', () => {
  for (const era of ERA_IDS) {
    it(`${era}: ksm_get takes one reference on the page's anon_vma; ksm_put drops it`, () => {
      const got = run(era, [oneVma('P', 0, 1), ksmGet('P', 0, 'k')]);
      const base = got.flags.refcount === 'refcount' ? 1 : 0;
      expect(got.violations).toEqual([]);
      expect(got.av('av0').refcount).toBe(base + 1);
      expect(got.viewAv('av0').refs).toEqual(['k']);
      const put = run(era, [oneVma('P', 0, 1), ksmGet('P', 0, 'k'), ksmPut('k')]);
      expect(put.violations).toEqual([]);
      expect(put.av('av0').refcount).toBe(base);
      expect(put.viewAv('av0').refs).toEqual([]);
    });

    it(`${era}: the reference keeps an anon_vma after its process exits; ksm_put frees it`, () => {
      const kept = run(era, [oneVma('P', 0, 1), ksmGet('P', 0, 'k'), exit('P')]);
      expect(kept.violations).toEqual([]);
      expect(kept.f.processes).toEqual([]);
      expect(kept.f.anon_vmas).toHaveLength(1);
      expect(kept.f.anon_vmas[0]).toMatchObject({ id: 'av0', refcount: 1, tree: [] });
      const freed = run(era, [oneVma('P', 0, 1), ksmGet('P', 0, 'k'), exit('P'), ksmPut('k')]);
      expect(freed.violations).toEqual([]);
      expect(freed.f.anon_vmas).toEqual([]);
      expect(freed.state.anonVmas.every((a) => a.freed)).toBe(true);
    });
  }

  for (const era of ['2.6.36', '3.19', '6.1'] as EraId[]) {
    it(`${era}: a child anon_vma kept by KSM keeps its root through its pin; ksm_put frees both, child first`, () => {
      const r = run(era, orphan);
      expect(r.violations).toEqual([]);
      // trace ids: av0 = A (the root), av1 = B (C's)
      expect(r.view.anonVmas.map((a) => [a.id, a.root, a.refcount])).toEqual([
        ['av0', 'av0', 1],
        ['av1', 'av0', 1],
      ]);
      const put = run(era, [orphan, ksmPut('k')]);
      expect(put.violations).toEqual([]);
      expect(put.state.anonVmas.every((a) => a.freed)).toBe(true);
      const frees = put
        .stepsOf(put.last)
        .filter(
          (s) => /free/.test(s.line) && /(anon_vma_free|kmem_cache_free)\(av\d\)/.test(s.text),
        )
        .map((s) => /\((av\d)\)/.exec(s.text)![1]);
      expect(frees).toEqual(['av1', 'av0']);
    });

    it(`${era}: the forest still lists the pinned root of a KSM-held anon_vma (Contract 2)`, () => {
      const r = run(era, orphan);
      // canonical: B (held by the reference) and A (its root, kept by B's pin)
      expect(r.f.anon_vmas.map((a) => [a.id, a.root, a.refcount])).toEqual([
        ['av0', 'av1', 1],
        ['av1', 'av1', 1],
      ]);
      expect(JSON.stringify(r.f)).not.toContain('freed:');
    });
  }

  it('2.6.36 without the root pin (5/5 off): ksm_put takes the lock of a freed root (§8.4)', () => {
    const r = run('2.6.36', [orphan, ksmPut('k')], { pinRoot: false });
    expect(new Set(r.kinds)).toEqual(new Set(['use-after-free']));
    // drop_anon_vma(B) spins on the lock of B's root A, which C's exit freed
    const put = r.violations.filter((v) => r.steps[v.step - 1]!.op === r.last);
    expect(put[0]!.message).toMatch(/took the lock of av0/);
    expect(r.steps[put[0]!.step - 1]!.fn).toBe('drop_anon_vma');
    // with 5/5 the same ops are clean
    expect(run('2.6.36', [orphan, ksmPut('k')]).violations).toEqual([]);
  });

  it('2.6.36 without the root pin: the exit that frees A under a live B is flagged there (I-F2)', () => {
    // spec §9.1 I-F2: no live anon_vma's root points to a freed anon_vma, checked after every op
    const r = run('2.6.36', orphan, { pinRoot: false });
    expect(r.violations.map((v) => [v.kind, r.steps[v.step - 1]!.op])).toContainEqual([
      'use-after-free',
      r.last,
    ]);
    expect(r.violations[0]!.objects).toEqual(['av1', 'av0']);
  });

  for (const era of ['3.0', '3.8'] as EraId[]) {
    it(`${era}: __put_anon_vma frees the root first, then reads its lock (§8.7 use-after-free)`, () => {
      const r = run(era, [orphan, ksmPut('k')]);
      expect(r.kinds).toEqual(['use-after-free']);
      const v = r.violations[0]!;
      expect(r.steps[v.step - 1]!.op).toBe(r.last);
      expect(r.steps[v.step - 1]!.fn).toBe('anon_vma_free');
      expect(v.objects).toContain('av0');
      // the same ops with the child-first order of 624483f3ea82 are clean
      expect(run(era, [orphan, ksmPut('k')], { childFirstFree: true }).violations).toEqual([]);
    });
  }

  for (const era of ['3.19', '6.1'] as EraId[]) {
    it(`${era}: a child kept only by KSM no longer counts for its parent (counterErrors agrees)`, () => {
      // C exits: B's tree empties, so unlink_anon_vmas pass 1 decrements A's degree /
      // num_children; KSM keeps B allocated. P still maps A.
      const r = run(era, [
        oneVma('P', 0, 1),
        fork('P', 'C'),
        write('C', 0),
        ksmGet('C', 0, 'k'),
        exit('C'),
      ]);
      expect(r.violations).toEqual([]);
      const a = r.av(r.anonVmaOf('P', 0)!);
      if (era === '3.19')
        expect(a.degree).toBe(2); // self + P's VMA
      else expect([a.num_children, a.num_active_vmas]).toEqual([1, 1]);
      expect(counterErrors(r.state)).toEqual([]);
    });
  }

  it('2.6.36 ksmDrop dec-then-lock drops the reference before taking the lock', () => {
    const r = run('2.6.36', [orphan, ksmPut('k')], { ksmDrop: 'dec-then-lock' });
    expect(r.violations).toEqual([]);
    const lines = r
      .stepsOf(r.last)
      .filter((s) => s.fn === 'drop_anon_vma')
      .map((s) => s.line);
    expect(lines[0]).toBe('dec-and-test');
    expect(run('2.6.36', [orphan, ksmPut('k')]).stepsOf(r.last)[1]!.line).toBe('dec-and-lock');
  });

  it('errors: a second reference of the same name, a zero page, an unknown reference', () => {
    const twice = scenarioError('6.1', [
      oneVma('P', 0, 1),
      ksmGet('P', 0, 'k'),
      ksmGet('P', 0, 'k'),
    ]);
    expect([twice.opIndex, twice.field]).toEqual([4, 'ref']);
    const zero = scenarioError('6.1', [
      spawn('P'),
      mmap('P', 0, 1),
      read('P', 0),
      ksmGet('P', 0, 'k'),
    ]);
    expect([zero.opIndex, zero.field]).toEqual([3, 'addr']);
    const none = scenarioError('6.1', [oneVma('P', 0, 1), ksmPut('nope')]);
    expect([none.opIndex, none.field]).toEqual([3, 'ref']);
    const gone = scenarioError('6.1', [
      oneVma('P', 0, 1),
      write('P', 0),
      exit('P'),
      ksmGet('P', 0, 'k'),
    ]);
    expect([gone.opIndex, gone.field]).toEqual([5, 'pid']);
  });
});

describe('one reference, one holder', () => {
  it('two CPUs dropping the same reference is a bad scenario, named as such', () => {
    const e = scenarioError('6.1', [
      oneVma('P', 0, 1),
      ksmGet('P', 0, 'k'),
      parallel([[ksmPut('k')], [ksmPut('k')]], [0, 1]),
    ]);
    expect(e.message).toContain('reference "k" was already dropped by another CPU');
  });
});
