import { describe, expect, it } from 'vitest';
import { lockOwnerName, mmapOwner, pageOwner, parseLockOwner, vmaLockOwner } from './lockOwner';

describe('lock owner ids', () => {
  it('builds and parses every kind the same way', () => {
    expect(parseLockOwner('av12')).toEqual({ kind: 'anon_vma', id: 'av12' });
    expect(parseLockOwner(mmapOwner('P.c1', false))).toEqual({
      kind: 'mmap',
      name: 'mmap_sem',
      pid: 'P.c1',
    });
    expect(parseLockOwner(mmapOwner('P', true))).toEqual({
      kind: 'mmap',
      name: 'mmap_lock',
      pid: 'P',
    });
    expect(parseLockOwner(vmaLockOwner('P.c1:40'))).toEqual({
      kind: 'vma',
      vma: 'P.c1:40',
      pid: 'P.c1',
    });
    expect(parseLockOwner(pageOwner(7))).toEqual({ kind: 'page', pfn: '7' });
  });

  it('leaves what it does not know as it is', () => {
    for (const odd of ['', 'x', 'vm_lock:', 'vm_lock:P', 'mmap_lock:', 'foo:bar'])
      expect(parseLockOwner(odd)).toEqual({ kind: 'other', id: odd });
  });

  it('names each in words', () => {
    expect(lockOwnerName('av3')).toBe("av3's lock");
    expect(lockOwnerName('mmap_sem:P')).toBe("P's mmap_sem");
    expect(lockOwnerName('mmap_lock:P')).toBe("P's mmap_lock");
    expect(lockOwnerName('vm_lock:P:4')).toBe("P:4's per-VMA lock");
    expect(lockOwnerName('page:7')).toBe('the lock of page 7');
  });
});
