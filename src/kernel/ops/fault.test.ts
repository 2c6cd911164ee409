// touch → handle_mm_fault: the zero page on a read, a new page on a write, COW after fork and
// reuse in place of a page nobody else maps (spec §1, §3.2 page_move_anon_rmap, §7.3).
import { describe, expect, it } from 'vitest';
import { ERA_IDS } from '../flags';
import { exit, fork, mmap, oneVma, read, run, spawn, write } from '../testing';

const pfn = (r: ReturnType<typeof run>, id: string): number | undefined =>
  r.view.pages.find((p) => p.id === id)?.page;

describe('fault', () => {
  for (const era of ERA_IDS) {
    it(`${era}: a read fault maps the shared zero page (no anon_vma, not listed)`, () => {
      const r = run(era, [spawn('P'), mmap('P', 0, 2), read('P', 0), read('P', 1)]);
      expect(r.violations).toEqual([]);
      expect(r.f.pages).toEqual([]);
      expect(r.view.pages).toEqual([]);
      const mm = r.state.mms.get('P')!;
      expect(mm.ptes.get(0)!.page).toBe(r.state.zeroPage);
      expect(mm.ptes.get(1)!.page).toBe(r.state.zeroPage);
      expect(r.stepsOf(2).some((s) => s.fn === 'do_anonymous_page' && s.line === 'zero-page')).toBe(
        true,
      );
    });

    it(`${era}: a write after a read replaces the zero page with a new anonymous page`, () => {
      const r = run(era, [spawn('P'), mmap('P', 0, 2), read('P', 0), write('P', 0)]);
      expect(r.violations).toEqual([]);
      expect(r.f.pages).toEqual([{ pid: 'P', addr: 0, anon_vma: 'av0' }]);
      expect(r.fns(3)).toEqual(
        expect.arrayContaining(['do_wp_page', '__anon_vma_prepare', 'wp_page_copy']),
      );
    });

    it(`${era}: a new page goes to vma->anon_vma with index = linear page index`, () => {
      const r = run(era, [spawn('P'), mmap('P', 3, 4), write('P', 5)]);
      const page = r.state.mms.get('P')!.ptes.get(5)!.page;
      expect(page.index).toBe(5);
      expect(page.mapping).toBe(r.state.mms.get('P')!.vmas[0]!.anonVma);
    });

    it(`${era}: a read of a present page does nothing`, () => {
      const r = run(era, [oneVma('P', 0, 1), read('P', 0)]);
      // 6.12 finds the VMA under RCU and read-locks only it (lock_vma_under_rcu)
      expect(r.stepsOf(r.last).map((s) => `${s.fn}:${s.line}`)).toEqual(
        era === '6.12'
          ? [
              'lock_vma_under_rcu:walk',
              'vma_start_read:trylock',
              'handle_mm_fault:present',
              'vma_end_read:unlock',
            ]
          : era === '6.1'
            ? [
                'lock_mm_and_find_vma:lock',
                'handle_mm_fault:find-vma',
                'handle_mm_fault:present',
                'do_user_addr_fault:unlock',
              ]
            : [
                'mmap_sem:lock',
                'handle_mm_fault:find-vma',
                'handle_mm_fault:present',
                'mmap_sem:unlock',
              ],
      );
    });
  }

  for (const era of ERA_IDS.filter((e) => e !== '2.6.33')) {
    it(`${era}: COW after fork: the writer gets a new page in its own (newest) anon_vma`, () => {
      const r = run(era, [oneVma('P', 0, 2), fork('P', 'C'), write('C', 0)]);
      expect(r.violations).toEqual([]);
      expect(r.page('C', 0)?.anon_vma).toBe(r.anonVmaOf('C', 0));
      expect(r.page('C', 0)?.anon_vma).toBe('av1');
      expect(r.page('C', 1)?.anon_vma).toBe('av0');
      expect(r.page('P', 0)?.anon_vma).toBe('av0');
      expect(pfn(r, 'C:0')).not.toBe(pfn(r, 'P:0'));
      expect(pfn(r, 'C:1')).toBe(pfn(r, 'P:1'));
      expect(r.fns(r.last)).toContain('wp_page_copy');
    });

    it(`${era}: a write to a page nobody else maps reuses it in place and moves it to the writer's anon_vma`, () => {
      // P exits: C is the only mapper of page 0, still on P's anon_vma
      const r = run(era, [oneVma('P', 0, 1), fork('P', 'C'), exit('P'), write('C', 0)]);
      const before = run(era, [oneVma('P', 0, 1), fork('P', 'C'), exit('P')]);
      expect(r.violations).toEqual([]);
      expect(before.page('C', 0)?.anon_vma).not.toBe(before.anonVmaOf('C', 0));
      expect(r.page('C', 0)?.anon_vma).toBe(r.anonVmaOf('C', 0));
      expect(pfn(r, 'C:0')).toBe(pfn(before, 'C:0'));
      expect(r.stepsOf(r.last).some((s) => s.fn === 'page_move_anon_rmap')).toBe(true);
      expect(r.fns(r.last)).not.toContain('wp_page_copy');
    });

    it(`${era}: the parent's write after the child's COW reuses the parent's page in place`, () => {
      const r = run(era, [oneVma('P', 0, 1), fork('P', 'C'), write('C', 0), write('P', 0)]);
      const mid = run(era, [oneVma('P', 0, 1), fork('P', 'C'), write('C', 0)]);
      expect(pfn(r, 'P:0')).toBe(pfn(mid, 'P:0'));
      expect(r.page('P', 0)?.anon_vma).toBe('av0');
      expect(r.fns(r.last)).not.toContain('wp_page_copy');
    });
  }

  it('2.6.33: COW pages stay on the one family anon_vma', () => {
    const r = run('2.6.33', [oneVma('P', 0, 2), fork('P', 'C'), write('C', 0)]);
    expect(r.f.pages.map((p) => p.anon_vma)).toEqual(['av0', 'av0', 'av0', 'av0']);
    expect(pfn(r, 'C:0')).not.toBe(pfn(r, 'P:0'));
  });

  it('3.19: a page written in a VMA that reused an ancestor goes to that older anon_vma', () => {
    const ops = [oneVma('P0', 0, 1)];
    for (let i = 0; i < 3; i++)
      ops.push([fork(`P${i}`, `P${i + 1}`), write(`P${i + 1}`, 0), exit(`P${i}`)]);
    const r = run('3.19', ops.flat());
    // P3 reused A1 (trace id av1): its COW page lands there
    const p3 = r.view.pages.find((p) => p.id === 'P3:0')!;
    expect(p3.anonVma).toBe('av1');
    expect(r.view.processes[0]!.vmas[0]!.chain[0]).toBe('av2');
  });
});
