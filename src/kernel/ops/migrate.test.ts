// migrate → unmap_and_move: lock the page, pin its anon_vma (2.6.35+), unmap every PTE to a
// migration entry, copy, restore every entry to the new page (spec §3.2, §4.3, §5.3, §8.1).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERA_IDS, type EraId } from '../flags';
import { explore } from '../explore';
import { replay } from '../replay';
import { parseScenario } from '../scenario';
import {
  exit,
  fork,
  migrate,
  mmap,
  mprotect,
  oneVma,
  parallel,
  read,
  run,
  scenarioError,
  spawn,
  write,
} from '../testing';

const pfn = (r: ReturnType<typeof run>, id: string): number | undefined =>
  r.view.pages.find((p) => p.id === id)?.page;

describe('migrate', () => {
  for (const era of ERA_IDS) {
    it(`${era}: a sequential migration moves the page and keeps its anon_vma`, () => {
      const before = run(era, [oneVma('P', 0, 2)]);
      const r = run(era, [oneVma('P', 0, 2), migrate('P', 1)]);
      expect(r.violations).toEqual([]);
      expect(r.page('P', 1)).toEqual({ pid: 'P', addr: 1, anon_vma: 'av0' });
      expect(pfn(r, 'P:1')).not.toBe(pfn(before, 'P:1'));
      expect(pfn(r, 'P:0')).toBe(pfn(before, 'P:0'));
      expect(r.state.mms.get('P')!.ptes.get(1)!.page.index).toBe(1);
      expect(r.fns(r.last)).toEqual(
        expect.arrayContaining([
          'unmap_and_move',
          'try_to_unmap_anon',
          'rmap_walk_anon',
          'move_to_new_page',
        ]),
      );
    });

    it(`${era}: a page shared after fork is moved in every process that maps it`, () => {
      const r = run(era, [oneVma('P', 0, 2), fork('P', 'C'), fork('C', 'G'), migrate('C', 0)]);
      expect(r.violations).toEqual([]);
      const p = pfn(r, 'P:0');
      expect(pfn(r, 'C:0')).toBe(p);
      expect(pfn(r, 'G:0')).toBe(p);
      expect(r.f.pages.every((x) => !x.migration)).toBe(true);
      const restores = r.stepsOf(r.last).filter((s) => s.fn === 'remove_migration_pte');
      expect(restores).toHaveLength(3);
    });

    it(`${era}: migration of a page after a split and a COW reaches every mapping`, () => {
      const r = run(era, [
        oneVma('P', 0, 4),
        fork('P', 'C'),
        mprotect('C', 1, 2, 'r'),
        write('P', 3),
        migrate('P', 1),
        migrate('C', 3),
      ]);
      expect(r.violations).toEqual([]);
      expect(pfn(r, 'C:1')).toBe(pfn(r, 'P:1'));
    });

    it(`${era}: the page lock is held across the migration`, () => {
      const r = run(era, [oneVma('P', 0, 1), migrate('P', 0)]);
      const page = r.locks(r.last).filter((l) => l.owner.startsWith('page:'));
      expect(page.map((l) => l.kind)).toEqual(['acquire', 'release']);
      expect(page[0]!.fn).toBe('unmap_and_move');
      // the new page is locked from the copy until the end, silently (nobody else sees it yet)
      expect(r.state.anonVmas.length).toBeGreaterThan(0);
      for (const mm of r.state.mms.values())
        for (const pte of mm.ptes.values()) expect(pte.page.lock.holders).toEqual([]);
    });
  }

  it('2.6.35+ pins the anon_vma for the migration; 2.6.34 has no such reference', () => {
    const gets = (era: EraId) => {
      const r = run(era, [oneVma('P', 0, 1), migrate('P', 0)]);
      return r.stepsOf(r.last).filter((s) => s.line === 'get').length;
    };
    expect(gets('2.6.33')).toBe(0);
    expect(gets('2.6.34')).toBe(0);
    for (const era of ['2.6.35', '2.6.36', '3.0', '3.8', '3.19', '6.1'] as EraId[])
      expect(gets(era), era).toBe(1);
    // and drops it again
    for (const era of ERA_IDS) {
      const r = run(era, [oneVma('P', 0, 1), migrate('P', 0)]);
      expect(r.av('av0').refcount, era).toBe(r.flags.refcount === 'refcount' ? 1 : 0);
    }
  });

  it('a fault on a page under migration waits for the page lock, then sees the new page', () => {
    const r = run('6.1', [
      oneVma('P', 0, 1),
      parallel([[migrate('P', 0)], [write('P', 0)]], [0, 0, 0, 0, 0, 0, 0, 1, 1]),
    ]);
    expect(r.violations).toEqual([]);
    expect(r.fns(r.last)).toContain('migration_entry_wait');
    expect(r.f.pages).toEqual([{ pid: 'P', addr: 0, anon_vma: 'av0' }]);
  });

  it('errors: no anonymous page at the address (none, or the zero page) names addr', () => {
    const none = scenarioError('3.8', [spawn('P'), mmap('P', 0, 2), migrate('P', 1)]);
    expect([none.opIndex, none.field]).toEqual([2, 'addr']);
    const zero = scenarioError('3.8', [spawn('P'), mmap('P', 0, 2), read('P', 1), migrate('P', 1)]);
    expect([zero.opIndex, zero.field]).toEqual([3, 'addr']);
  });
});

describe('§8.1: vma_adjust / expand_stack vs migration', () => {
  const sc = parseScenario(
    readFileSync(join(__dirname, '../../scenarios/race-8.1-vma-adjust-vs-migration.json'), 'utf8'),
  );

  it('the built-in §8.1 scenario breaks in its own era (2.6.34) and holds in the fixed eras', () => {
    expect(replay(sc).violations.map((v) => v.kind)).toEqual(['rmap-miss', 'migration-entry-left']);
    for (const era of ['2.6.36', '3.0', '3.8', '3.19', '6.1'] as EraId[]) {
      const r = replay(sc, { era });
      expect(r.violations, era).toEqual([]);
      expect(r.stopped, era).toBeNull();
    }
  });

  it('explore finds the race in 2.6.34 and 2.6.35 and none in 2.6.36+', () => {
    expect(explore(sc, { era: '2.6.34' }).violations.map((v) => v.kind)).toEqual(['rmap-miss']);
    expect(explore(sc, { era: '2.6.35' }).violations.map((v) => v.kind)).toEqual(['rmap-miss']);
    for (const era of ['2.6.36', '3.8', '6.1'] as EraId[]) {
      const e = explore(sc, { era });
      expect(e.violations, era).toEqual([]);
      expect(e.complete, era).toBe(true);
    }
  });

  it('the §8.1 interleaving written out: 2.6.34 leaves a migration entry, 2.6.36 serialises', () => {
    const ops = [
      spawn('P'),
      mmap('P', 10, 20),
      write('P', 12),
      write('P', 22),
      mprotect('P', 10, 10, 'r'),
      parallel(
        [[migrate('P', 22)], [mprotect('P', 20, 5, 'r')]],
        [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1],
      ),
    ];
    const old = run('2.6.34', ops);
    expect(old.kinds).toContain('migration-entry-left');
    expect(old.f.pages.find((p) => p.addr === 22)).toMatchObject({ migration: true });
    // in 2.6.36 the mprotect waits for the root lock the walker holds: the schedule is replayed leniently
    const fixed = replay(old.scenario, { era: '2.6.36' });
    expect(fixed.violations).toEqual([]);
  });

  it('expand_stack vs migration (§8.1b) with the child VMA: 2.6.34 breaks, 2.6.36 holds', () => {
    const sc = parseScenario(
      readFileSync(
        join(__dirname, '../../scenarios/race-8.1b-expand-stack-vs-migration.json'),
        'utf8',
      ),
    );
    expect(replay(sc).violations.length).toBeGreaterThan(0);
    expect(replay(sc, { era: '2.6.36' }).violations).toEqual([]);
    // the same race with Linus's deepest-lock proposal on 2.6.34 holds
    expect(replay(sc, { flags: { lockDeepest: true } }).violations).toEqual([]);
  });
});

describe('a page whose process exits first', () => {
  for (const era of ['3.0', '6.1'] as const) {
    it(`${era}: is not migrated, and its freed anon_vma is not touched`, () => {
      const before = [oneVma('P', 0, 1), fork('P', 'C'), write('C', 0)];
      const exitSteps = run(era, [...before, exit('C')]);
      const n = exitSteps.stepsOf(exitSteps.last).length;
      // C exits entirely before the migration of its page gets the page lock
      const ops = [...before, parallel([[exit('C')], [migrate('C', 0)]], Array<number>(n).fill(0))];
      const r = run(era, ops);
      expect(r.violations).toEqual([]);
      const texts = r.steps.filter((s) => s.cpu === 1).map((s) => s.text);
      expect(texts[0]).toContain('nothing to migrate');
      expect(r.steps.some((s) => s.fn === 'try_to_unmap_anon')).toBe(false);
    });
  }
});

describe('a write fault during a migration', () => {
  it('does not reuse the half-restored new page in place (it is locked until the end)', () => {
    // P and C share the page at 4; the restore walk gives C:4 the new page back before P:4, and
    // C writes in between: the new page is still locked, so C copies it instead of taking it
    // (page_move_anon_rmap would move it to C's anon_vma while P maps it too)
    const sc = parseScenario({
      format: 'anon-vma-forest/scenario@1',
      title: 'x',
      era: '6.1',
      ops: [
        oneVma('P', 4, 4),
        write('P', 4),
        fork('P', 'C'),
        migrate('P', 4),
        mprotect('P', 4, 1, 'r'),
        write('P', 5),
        parallel([[migrate('P', 4)], [write('C', 4)]]),
      ].flat(),
    });
    expect(explore(sc).violations).toEqual([]);
  });
});
