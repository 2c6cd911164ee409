// Contract 4 ids, built and read in one place: what the trace names, what the page writes into
// `data-id`, what a lock event's `owner` says. Process names are Contract 1 names
// ([A-Za-z0-9._-]), so neither `:` nor `/` can occur inside one.
//
//   anon_vma   av3             (allocation order, stable for the object's life)
//   VMA        P.c1:0          (pid:start, in pages)
//   AVC        P.c1:0/av3      (the VMA and the anon_vma it joins)
//   PTE        P.c1:4          (pid:addr)
//   lock owner av3 | mmap_sem:P | mmap_lock:P | vm_lock:P:4 | page:7

/** `av${n}` */
export const anonVmaId = (n: number): string => `av${n}`;

/** `av12` → 12; null for anything else. */
export function parseAnonVmaId(id: string): number | null {
  const m = /^av(\d+)$/.exec(id);
  return m ? Number(m[1]) : null;
}

export const isAnonVmaId = (id: string): boolean => parseAnonVmaId(id) !== null;

/** `pid:start` */
export const vmaId = (pid: string, start: number): string => `${pid}:${start}`;

/** `pid:addr` (a page-table entry: the same shape as a VMA id, so a selection names its kind) */
export const pteId = (pid: string, addr: number): string => `${pid}:${addr}`;

/** `pid:N` → { pid, n } (a VMA's start or a PTE's address); null for anything else. */
export function parseAddressId(id: string): { pid: string; n: number } | null {
  const at = id.indexOf(':');
  if (at <= 0) return null;
  const text = id.slice(at + 1);
  const n = Number(text);
  return /^\d+$/.test(text) && Number.isSafeInteger(n) ? { pid: id.slice(0, at), n } : null;
}

/** `vma/anonVma`: the AVC linking a VMA (`pid:start`) and an anon_vma (`avN`). */
export const avcId = (vma: string, anonVma: string): string => `${vma}/${anonVma}`;

/** `P:0/av3` → { vma: 'P:0', anonVma: 'av3' }; null when it is no AVC id. */
export function parseAvcId(id: string): { vma: string; anonVma: string } | null {
  const cut = id.lastIndexOf('/');
  if (cut <= 0 || cut === id.length - 1) return null;
  return { vma: id.slice(0, cut), anonVma: id.slice(cut + 1) };
}

/**
 * The object a lock lives in, as a lock event's `owner` names it:
 *   av3          the lock of anon_vma av3 (spinlock, mutex or rwsem, as the era has it)
 *   mmap_sem:P   P's mmap semaphore, as 2.6 and 3.x call it
 *   mmap_lock:P  the same semaphore under its name from 5.8 on (flag `mmapLock`)
 *   vm_lock:P:4  the per-VMA lock of VMA P:4 (6.4 on, flag `perVmaLock`)
 *   page:7       the lock of page 7 (held across a migration)
 */
export type LockOwner =
  | { kind: 'anon_vma'; id: string }
  | { kind: 'mmap'; name: 'mmap_sem' | 'mmap_lock'; pid: string }
  | { kind: 'vma'; vma: string; pid: string }
  | { kind: 'page'; pfn: number };

/** The owner of a process's mmap semaphore: `mmap_sem:P`, or `mmap_lock:P` once `renamed` (5.8). */
export const mmapLockId = (pid: string, renamed = false): string =>
  `${renamed ? 'mmap_lock' : 'mmap_sem'}:${pid}`;

/** The owner of a VMA's per-VMA lock: `vm_lock:` and the VMA's id (`pid:start`). */
export const vmaLockId = (vma: string): string => `vm_lock:${vma}`;

/** The owner of a page's lock (held across a migration): `page:7`. */
export const pageLockId = (pfn: number): string => `page:${pfn}`;

/** What a lock event's owner names; null for an owner of no known shape. */
export function parseLockId(owner: string): LockOwner | null {
  if (isAnonVmaId(owner)) return { kind: 'anon_vma', id: owner };
  const colon = owner.indexOf(':');
  if (colon < 0) return null;
  const kind = owner.slice(0, colon);
  const rest = owner.slice(colon + 1);
  if (rest === '') return null;
  if (kind === 'mmap_sem' || kind === 'mmap_lock') return { kind: 'mmap', name: kind, pid: rest };
  if (kind === 'page') return /^\d+$/.test(rest) ? { kind: 'page', pfn: Number(rest) } : null;
  if (kind === 'vm_lock') {
    const vma = parseAddressId(rest);
    return vma ? { kind: 'vma', vma: rest, pid: vma.pid } : null;
  }
  return null;
}

/** In words: `av3's lock`, `P's mmap_lock`, `P:4's per-VMA lock`, `the lock of page 7`. */
export function lockOwnerName(owner: string): string {
  const o = parseLockId(owner);
  switch (o?.kind) {
    case 'anon_vma':
      return `${o.id}'s lock`;
    case 'mmap':
      return `${o.pid}'s ${o.name}`;
    case 'vma':
      return `${o.vma}'s per-VMA lock`;
    case 'page':
      return `the lock of page ${o.pfn}`;
    default:
      return `${owner}'s lock`;
  }
}
