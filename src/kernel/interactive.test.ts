import { describe, expect, it } from 'vitest';
import { parseScenario, replay } from './index';

const sc = (schedule: number[]) =>
  parseScenario({
    format: 'anon-vma-forest/scenario@1',
    title: 'interactive',
    era: '2.6.36',
    ops: [
      { op: 'spawn', pid: 'P' },
      { op: 'mmap', pid: 'P', addr: 0, pages: 4 },
      { op: 'touch', pid: 'P', addr: 0, write: true },
      {
        op: 'parallel',
        threads: [[{ op: 'fork', pid: 'P', child: 'C' }], [{ op: 'migrate', pid: 'P', addr: 0 }]],
        schedule,
      },
    ],
  });

describe('interactive scheduling', () => {
  it('stops where the schedule runs out and says which CPUs can go', () => {
    const r = replay(sc([]), { interactive: true });
    expect(r.awaiting).toEqual({ op: 3, ready: [0, 1] });
    const before = r.steps.length;
    const r2 = replay(sc([1, 1]), { interactive: true });
    expect(r2.steps.length).toBe(before + 2);
    expect(r2.steps.slice(-2).map((s) => s.cpu)).toEqual([1, 1]);
    expect(r2.awaiting?.op).toBe(3);
  });
  it('leaves out a CPU that waits for a lock', () => {
    // cpu1 takes av0's lock in try_to_unmap; cpu0's fork then needs it too.
    let schedule: number[] = [];
    let r = replay(sc(schedule), { interactive: true });
    for (let i = 0; i < 40 && r.awaiting; i++) {
      const view = r.stateAt(r.steps.length);
      const held = view.anonVmas.find((a) => a.lockedBy.includes(1));
      if (held) {
        const waiting = view.cpus.find((c) => c.waitingFor !== null);
        if (waiting) {
          expect(r.awaiting.ready).not.toContain(waiting.cpu);
          return;
        }
      }
      schedule = [...schedule, r.awaiting.ready.includes(1) ? 1 : 0];
      r = replay(sc(schedule), { interactive: true });
    }
    // both orders must be reachable; finishing is fine too
    expect(r.awaiting === null || r.awaiting.ready.length > 0).toBe(true);
  });
  it('finishes the block when every CPU is done', () => {
    const r = replay(sc([]));
    expect(r.awaiting).toBeNull();
  });
});
