// A compact fingerprint of a model state plus each CPU's history, for explore's visited set.
// Two interleavings merge only when the shared state is equal and every CPU has taken the same
// steps with the same observations (its step texts carry the values it read).
import type { State } from './state';

export function fnv(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h;
}

export function stateKey(s: State): string {
  const parts: string[] = [];
  for (const mm of s.mms.values()) {
    parts.push(
      `m${mm.pid}${mm.alive ? '' : '!'}${mm.mmapSem.holders.join(',')}${mm.mmapSem.mode ?? ''}` +
        `W${mm.writeLocked.map((w) => w.vma.serial).join(',')}`,
    );
    for (const v of mm.vmas) {
      parts.push(
        `v${v.serial}:${v.start}-${v.end}@${v.pgoff}${v.prot}${v.anonVma?.n ?? '-'}[${v.chain.map((c) => c.av.n).join(',')}]` +
          `L${v.vmLock.holders.join(',')}${v.vmLock.mode ?? ''}`,
      );
    }
    for (const [a, p] of [...mm.ptes].sort((x, y) => x[0] - y[0])) {
      parts.push(
        `p${a}=${p.page.pfn}${p.migration ? 'M' : ''}>${p.page.mapping?.n ?? '-'}#${p.page.mapcount}${p.page.lock.holders.join(',')}`,
      );
    }
  }
  for (const a of s.anonVmas) {
    parts.push(
      `a${a.n}${a.freed ? '!' : ''}r${a.root.n}p${a.parent.n}c${a.refcount},${a.degree},${a.numChildren},${a.numActiveVmas}` +
        `L${a.lock.holders.join(',')}${a.lock.mode ?? ''}${a.marked ? 'M' : ''}u${a.rcuReaders}.${a.reused}[${a.list.map((c) => `${c.vma.serial}${c.freed ? '!' : ''}`).join(',')}]`,
    );
  }
  for (const r of s.refs.values()) parts.push(`k${r.name}=${r.av.n}`);
  return parts.join('|');
}
