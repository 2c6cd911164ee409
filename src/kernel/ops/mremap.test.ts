import { describe, expect, it } from 'vitest';
import { ERA_IDS } from '../flags';
import { parseScenario } from '../scenario';
import { replay } from '../replay';

const sc = (ops: unknown[]) =>
  parseScenario({ format: 'anon-vma-forest/scenario@1', title: 'mremap', era: '6.1', ops });

const base = [
  { op: 'spawn', pid: 'P' },
  { op: 'mmap', pid: 'P', addr: 0, pages: 4 },
  { op: 'touch', pid: 'P', addr: 1, write: true },
  { op: 'fork', pid: 'P', child: 'C' },
];

describe('mremap (move_vma)', () => {
  for (const era of ERA_IDS) {
    it(`${era}: moves a VMA's pages to a new address, rmap still finds them`, () => {
      const r = replay(sc([...base, { op: 'mremap', pid: 'P', addr: 0, pages: 4, newAddr: 20 }]), {
        era,
      });
      expect(r.violations).toEqual([]);
      const f = r.forest();
      const p = f.processes.find((x) => x.pid === 'P')!;
      expect(p.vmas.map((v) => [v.start, v.end])).toEqual([[20, 24]]);
      expect(f.pages.filter((x) => x.pid === 'P').map((x) => x.addr)).toEqual([21]);
      // a walk after the move still reaches both mappings of the shared page
      const m = replay(
        sc([
          ...base,
          { op: 'mremap', pid: 'P', addr: 0, pages: 4, newAddr: 20 },
          { op: 'migrate', pid: 'P', addr: 21 },
        ]),
        { era },
      );
      expect(m.violations).toEqual([]);
    });
  }
  it('moving part of a VMA splits the old one and keeps the chain on the new one', () => {
    const r = replay(sc([...base, { op: 'mremap', pid: 'C', addr: 1, pages: 2, newAddr: 30 }]));
    expect(r.violations).toEqual([]);
    const c = r.forest().processes.find((x) => x.pid === 'C')!;
    expect(c.vmas.map((v) => [v.start, v.end])).toEqual([
      [0, 1],
      [3, 4],
      [30, 32],
    ]);
    expect(c.vmas[2]!.chain).toEqual(c.vmas[0]!.chain);
  });
  it('moves next to a compatible VMA merge into it', () => {
    const r = replay(
      sc([
        { op: 'spawn', pid: 'P' },
        { op: 'mmap', pid: 'P', addr: 0, pages: 2 },
        { op: 'mmap', pid: 'P', addr: 10, pages: 2 },
        { op: 'mremap', pid: 'P', addr: 0, pages: 2, newAddr: 12 },
      ]),
    );
    expect(r.violations).toEqual([]);
    expect(r.forest().processes[0]!.vmas.map((v) => [v.start, v.end])).toEqual([[10, 14]]);
  });

  describe('need_rmap_locks (moveRmapLocks, 3.7+)', () => {
    // X (pgoff 4, at 20) moves back next to P:2 (pgoff 2): the merged destination's offset is
    // below the source's, so a walk may meet it first and the moves must hold the lock.
    const ops = [
      { op: 'spawn', pid: 'P' },
      { op: 'mmap', pid: 'P', addr: 0, pages: 6 },
      { op: 'touch', pid: 'P', addr: 4, write: true },
      { op: 'mremap', pid: 'P', addr: 4, pages: 2, newAddr: 20 },
      { op: 'mremap', pid: 'P', addr: 20, pages: 2, newAddr: 4 },
    ];
    const moveLocks = (flags: Record<string, boolean>) =>
      replay(sc(ops), { flags })
        .steps.filter((s) => s.fn === 'move_page_tables' && s.lock)
        .map((s) => `${s.line}:${s.lock!.kind}`);
    it('hold the root lock around the moves into a merged VMA that a walk meets first', () => {
      expect(moveLocks({ moveRmapLocks: true })).toEqual([
        'rmap-lock:acquire',
        'rmap-unlock:release',
      ]);
    });
    it('take no lock without the flag, nor when the range becomes a new VMA', () => {
      expect(moveLocks({ moveRmapLocks: false })).toEqual([]);
      const fresh = replay(sc(ops.slice(0, 4))).steps.filter(
        (s) => s.fn === 'move_page_tables' && s.lock,
      );
      expect(fresh).toEqual([]);
    });
  });
});
