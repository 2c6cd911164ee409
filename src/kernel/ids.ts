// Contract 4 ids, built and read in one place: what the trace names, what the page writes into
// `data-id`, what a lock event's `owner` says. Process names are Contract 1 names
// ([A-Za-z0-9._-]), so neither `:` nor `/` can occur inside one.
//
//   anon_vma   av3             (allocation order, stable for the object's life)
//   VMA        P.c1:0          (pid:start, in pages)
//   AVC        P.c1:0/av3      (the VMA and the anon_vma it joins)
//   PTE        P.c1:4          (pid:addr)
//   lock owner av3 | mmap_sem:P | page:7

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
 * The object a lock lives in, as a lock event's `owner` names it. A new kind of lock (a per-VMA
 * lock, say) is one more member here, one prefix in LOCK_PREFIX and one builder.
 */
export type LockOwner =
  { kind: 'anon_vma'; id: string } | { kind: 'mmap'; pid: string } | { kind: 'page'; pfn: number };

const LOCK_PREFIX = { mmap: 'mmap_sem:', page: 'page:' } as const;

/** The owner of a process's mmap_sem (mmap_lock from 5.8): `mmap_sem:P`. */
export const mmapLockId = (pid: string): string => `${LOCK_PREFIX.mmap}${pid}`;

/** The owner of a page's lock (held across a migration): `page:7`. */
export const pageLockId = (pfn: number): string => `${LOCK_PREFIX.page}${pfn}`;

/** What a lock event's owner names; null for an owner of no known shape. */
export function parseLockId(owner: string): LockOwner | null {
  if (isAnonVmaId(owner)) return { kind: 'anon_vma', id: owner };
  if (owner.startsWith(LOCK_PREFIX.mmap)) {
    const pid = owner.slice(LOCK_PREFIX.mmap.length);
    return pid ? { kind: 'mmap', pid } : null;
  }
  if (owner.startsWith(LOCK_PREFIX.page)) {
    const text = owner.slice(LOCK_PREFIX.page.length);
    return /^\d+$/.test(text) ? { kind: 'page', pfn: Number(text) } : null;
  }
  return null;
}
