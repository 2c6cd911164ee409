import { describe, expect, it } from 'vitest';
import { builtinScenarios } from '../scenarios';
import {
  anonVmaId,
  avcId,
  lockOwnerName,
  mmapLockId,
  pageLockId,
  parseAddressId,
  parseAnonVmaId,
  parseAvcId,
  parseLockId,
  pteId,
  vmaId,
  vmaLockId,
} from './ids';
import { replay } from './replay';

describe('Contract 4 ids', () => {
  it('read back what they build', () => {
    expect(parseAnonVmaId(anonVmaId(12))).toBe(12);
    expect(parseAddressId(vmaId('P.c1', 10))).toEqual({ pid: 'P.c1', n: 10 });
    expect(parseAddressId(pteId('Q', 3))).toEqual({ pid: 'Q', n: 3 });
    expect(parseAvcId(avcId(vmaId('P.c1', 0), 'av3'))).toEqual({ vma: 'P.c1:0', anonVma: 'av3' });
    expect(parseLockId(anonVmaId(3))).toEqual({ kind: 'anon_vma', id: 'av3' });
    expect(parseLockId(mmapLockId('P.c1'))).toEqual({
      kind: 'mmap',
      name: 'mmap_sem',
      pid: 'P.c1',
    });
    expect(parseLockId(mmapLockId('P', true))).toEqual({
      kind: 'mmap',
      name: 'mmap_lock',
      pid: 'P',
    });
    expect(parseLockId(vmaLockId(vmaId('P.c1', 40)))).toEqual({
      kind: 'vma',
      vma: 'P.c1:40',
      pid: 'P.c1',
    });
    expect(parseLockId(pageLockId(7))).toEqual({ kind: 'page', pfn: 7 });
  });

  it('name a lock in words', () => {
    expect(lockOwnerName('av3')).toBe("av3's lock");
    expect(lockOwnerName('mmap_sem:P')).toBe("P's mmap_sem");
    expect(lockOwnerName('mmap_lock:P')).toBe("P's mmap_lock");
    expect(lockOwnerName('vm_lock:P:4')).toBe("P:4's per-VMA lock");
    expect(lockOwnerName('page:7')).toBe('the lock of page 7');
  });

  it('refuse what is not one of theirs', () => {
    for (const bad of ['', 'av', 'avx', 'av1a', 'P', ':3', 'P:', 'P:x', 'P:-1', 'P:1.5']) {
      expect(parseAnonVmaId(bad) === null || parseAddressId(bad) === null).toBe(true);
    }
    expect(parseAddressId('P:x')).toBeNull();
    expect(parseAvcId('P:0')).toBeNull();
    expect(parseAvcId('P:0/')).toBeNull();
    expect(parseLockId('page:x')).toBeNull();
    expect(parseLockId('mmap_sem:')).toBeNull();
    expect(parseLockId('spin')).toBeNull();
    expect(parseLockId('vm_lock:P')).toBeNull();
    expect(parseLockId('rcu:P')).toBeNull();
  });

  it('name every lock owner and object of the built-in traces', () => {
    for (const { scenario } of builtinScenarios) {
      const trace = replay(scenario);
      for (const s of trace.steps) if (s.lock) expect(parseLockId(s.lock.owner)).not.toBeNull();
      const v = trace.stateAt(trace.steps.length);
      for (const a of v.anonVmas) expect(parseAnonVmaId(a.id)).not.toBeNull();
      for (const p of v.processes)
        for (const m of p.vmas) {
          expect(parseAddressId(m.id)).toEqual({ pid: p.pid, n: m.start });
          for (const av of m.chain)
            expect(parseAvcId(avcId(m.id, av))).toEqual({ vma: m.id, anonVma: av });
        }
      for (const pg of v.pages) expect(parseAddressId(pg.id)).toEqual({ pid: pg.pid, n: pg.addr });
    }
  });
});
