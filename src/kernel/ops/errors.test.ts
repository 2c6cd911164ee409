// Bad scenarios (Contract 1): every error is a ScenarioError naming the op index and the field.
import { describe, expect, it } from 'vitest';
import { ERA_IDS } from '../flags';
import { replay } from '../replay';
import { ScenarioError } from '../scenarioTypes';
import {
  fork,
  mmap,
  mprotect,
  oneVma,
  parallel,
  read,
  scenario,
  scenarioError,
  spawn,
  takeAllLocks,
  write,
} from '../testing';

describe('scenario errors', () => {
  for (const era of ERA_IDS) {
    it(`${era}: a fault outside any VMA names addr`, () => {
      const e = scenarioError(era, [spawn('P'), mmap('P', 0, 2), write('P', 5)]);
      expect(e).toBeInstanceOf(ScenarioError);
      expect([e.opIndex, e.field]).toEqual([2, 'addr']);
      expect(e.message).toBe('op 2 (touch): no VMA covers address 5 in P (SIGSEGV)');
    });
  }

  it('an unknown pid names pid', () => {
    for (const op of [write('Q', 0), mmap('Q', 0, 1), fork('Q', 'R'), takeAllLocks('Q')]) {
      const e = scenarioError('6.1', [spawn('P'), op]);
      expect([e.opIndex, e.field]).toEqual([1, 'pid']);
      expect(e.message).toMatch(/process "Q" does not exist/);
    }
  });

  it('a write to a read-only VMA names write; a read is fine', () => {
    const ops = [spawn('P'), mmap('P', 0, 4), mprotect('P', 0, 2, 'r')];
    const e = scenarioError('3.19', [ops, write('P', 1)]);
    expect([e.opIndex, e.field]).toEqual([3, 'write']);
    expect(e.message).toMatch(/read-only P:0/);
    expect(() => replay(scenario('3.19', [ops, read('P', 1)]))).not.toThrow();
  });

  it('an overlapping mmap names addr', () => {
    const e = scenarioError('2.6.34', [spawn('P'), mmap('P', 2, 4), mmap('P', 0, 3)]);
    expect([e.opIndex, e.field]).toEqual([2, 'addr']);
  });

  it('a fork to an existing pid names child; mprotect of unmapped pages names addr', () => {
    const c = scenarioError('6.1', [spawn('P'), spawn('C'), fork('P', 'C')]);
    expect([c.opIndex, c.field]).toEqual([2, 'child']);
    const m = scenarioError('6.1', [spawn('P'), mmap('P', 0, 2), mprotect('P', 1, 3, 'r')]);
    expect([m.opIndex, m.field]).toEqual([2, 'addr']);
  });

  it('mremap out of one VMA names addr; into a mapped range names newAddr', () => {
    const e = scenarioError('6.1', [
      spawn('P'),
      mmap('P', 0, 2),
      { op: 'mremap', pid: 'P', addr: 1, pages: 2, newAddr: 8 },
    ]);
    expect([e.opIndex, e.field]).toEqual([2, 'addr']);
    const f = scenarioError('6.1', [
      spawn('P'),
      mmap('P', 0, 2),
      mmap('P', 8, 2),
      { op: 'mremap', pid: 'P', addr: 0, pages: 2, newAddr: 9 },
    ]);
    expect([f.opIndex, f.field]).toEqual([3, 'newAddr']);
  });

  it('a schedule naming a waiting CPU names schedule[i] and the parallel op', () => {
    // cpu0 takes P's mmap_sem for write; cpu1 then waits for it
    const e = scenarioError('2.6.36', [
      oneVma('P', 0, 1),
      parallel([[takeAllLocks('P')], [takeAllLocks('P')]], [0, 1]),
    ]);
    expect([e.opIndex, e.field]).toEqual([3, 'schedule[1]']);
    expect(e.message).toBe(
      'op 3 (parallel): schedule[1] names cpu1, but cpu1 is waiting for mmap_sem:P',
    );
  });

  it('a schedule naming a finished or missing CPU is an error too', () => {
    const done = scenarioError('6.1', [
      oneVma('P', 0, 1),
      parallel([[read('P', 0)], [read('P', 0)]], [0, 0, 0, 0, 0]),
    ]);
    expect(done.field).toMatch(/^schedule\[\d\]$/);
    expect(done.message).toMatch(/cpu0 has finished/);
    const none = scenarioError('6.1', [
      oneVma('P', 0, 1),
      parallel([[read('P', 0)], [read('P', 0)]], [2]),
    ]);
    // caught by parseScenario already: the file names a CPU it does not have
    expect(none.opIndex).toBe(3);
    expect(none.field).toMatch(/schedule\[0\]$/);
  });

  it('an error inside a thread names the parallel op, the thread and its op', () => {
    const e = scenarioError('6.1', [
      oneVma('P', 0, 1),
      parallel([[read('P', 0)], [write('P', 9)]]),
    ]);
    expect([e.opIndex, e.field]).toEqual([3, 'addr']);
    expect(e.message).toMatch(
      /^op 3 \(parallel\) thread 1 op 0 \(touch\): no VMA covers address 9/,
    );
  });

  it('the same schedule under another era is replayed leniently', () => {
    const sc = scenario('2.6.36', [
      oneVma('P', 0, 1),
      parallel([[takeAllLocks('P')], [takeAllLocks('P')]], [0, 1]),
    ]);
    const r = replay(sc, { era: '3.8' });
    expect(r.violations).toEqual([]);
    expect(r.counts.scheduleSkips).toBeGreaterThan(0);
  });

  it('an unknown era names era', () => {
    const sc = scenario('6.1', [spawn('P')]);
    try {
      replay(sc, { era: '9.9' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ScenarioError);
      expect((e as ScenarioError).field).toBe('era');
    }
  });
});
