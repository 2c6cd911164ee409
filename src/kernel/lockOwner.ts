// Lock owner ids: what a LockEvent, a LockRequest and a waiting CPU name. One builder per kind of
// lock and one parser, so the model, the trace and the views agree on the form:
//   av3          the lock of anon_vma av3 (spinlock, mutex or rwsem, as the era has it)
//   mmap_sem:P   P's mmap semaphore, as 2.6 and 3.x call it
//   mmap_lock:P  the same semaphore under its name from 5.8 on (flag `mmapLock`)
//   vm_lock:P:4  the per-VMA lock of VMA P:4 (6.4 on, flag `perVmaLock`)
//   page:7       the lock of page 7 (held across a migration)

export type LockOwner =
  | { kind: 'anon_vma'; id: string }
  | { kind: 'mmap'; name: 'mmap_sem' | 'mmap_lock'; pid: string }
  | { kind: 'vma'; vma: string; pid: string }
  | { kind: 'page'; pfn: string }
  | { kind: 'other'; id: string };

export const mmapOwner = (pid: string, renamed: boolean): string =>
  `${renamed ? 'mmap_lock' : 'mmap_sem'}:${pid}`;

/** `vma` is the VMA's Contract 4 id, `pid:start`. */
export const vmaLockOwner = (vma: string): string => `vm_lock:${vma}`;

export const pageOwner = (pfn: number): string => `page:${pfn}`;

export function parseLockOwner(owner: string): LockOwner {
  const colon = owner.indexOf(':');
  if (colon < 0)
    return /^av\d+$/.test(owner) ? { kind: 'anon_vma', id: owner } : { kind: 'other', id: owner };
  const kind = owner.slice(0, colon);
  const rest = owner.slice(colon + 1);
  if (rest === '') return { kind: 'other', id: owner };
  if (kind === 'mmap_sem' || kind === 'mmap_lock') return { kind: 'mmap', name: kind, pid: rest };
  if (kind === 'page') return { kind: 'page', pfn: rest };
  if (kind === 'vm_lock') {
    const at = rest.lastIndexOf(':');
    if (at > 0) return { kind: 'vma', vma: rest, pid: rest.slice(0, at) };
  }
  return { kind: 'other', id: owner };
}

/** In words: `av3's lock`, `P's mmap_lock`, `P:4's per-VMA lock`, `the lock of page 7`. */
export function lockOwnerName(owner: string): string {
  const o = parseLockOwner(owner);
  switch (o.kind) {
    case 'anon_vma':
      return `${o.id}'s lock`;
    case 'mmap':
      return `${o.pid}'s ${o.name}`;
    case 'vma':
      return `${o.vma}'s per-VMA lock`;
    case 'page':
      return `the lock of page ${o.pfn}`;
    case 'other':
      return `${o.id}'s lock`;
  }
}
