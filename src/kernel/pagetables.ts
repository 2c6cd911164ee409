// Page-table entries and pages: map, zap and copy. A PTE names a page; a migration entry names
// the page being migrated. The shared zero page has no anon_vma and is never listed.
import { atomicAdd, freshId } from './atomic';
import type { K } from './exec';
import { avId, pteId, type AnonVma, type Mm, type Page, type Pte } from './state';

export function newPage(k: K, mapping: AnonVma | null, index: number): Page {
  return {
    pfn: freshId(k.s, 'nextPfn'),
    mapping,
    index,
    mapcount: 0,
    lock: { holders: [], mode: null },
  };
}

export function setPte(k: K, mm: Mm, addr: number, pte: Pte): void {
  const old = mm.ptes.get(addr);
  if (old) atomicAdd(old.page, 'mapcount', -1);
  atomicAdd(pte.page, 'mapcount', 1);
  mm.ptes.set(addr, pte);
  k.touch(pteId(mm, addr));
  if (pte.page.mapping) k.touch(avId(pte.page.mapping));
}

/** zap_page_range: drop the PTEs (and migration entries) of [start, end). */
export function zapRange(k: K, mm: Mm, start: number, end: number): number {
  let n = 0;
  for (const [addr, pte] of [...mm.ptes]) {
    if (addr < start || addr >= end) continue;
    atomicAdd(pte.page, 'mapcount', -1);
    mm.ptes.delete(addr);
    k.touch(pteId(mm, addr));
    n++;
  }
  return n;
}

/** copy_page_range: the child's PTEs in [start, end) point at the parent's pages. */
export function copyRange(k: K, from: Mm, to: Mm, start: number, end: number): number {
  let n = 0;
  for (const [addr, pte] of from.ptes) {
    if (addr < start || addr >= end) continue;
    setPte(k, to, addr, { page: pte.page, migration: pte.migration });
    n++;
  }
  return n;
}

/**
 * Page tables that can list the entries referring to one page themselves: explore's tracked
 * copy (exploreTrack.ts) records that as a read of that page's mappings only, not of every
 * entry, so a check of one page does not depend on every page-table change elsewhere.
 */
interface ByPage {
  entriesOf(page: Page): Iterable<[number, Pte]>;
}

/** Every (mm, addr) whose PTE or migration entry refers to `page`. */
export function mappersOf(k: K, page: Page, migration: boolean | null): { mm: Mm; addr: number }[] {
  const out: { mm: Mm; addr: number }[] = [];
  for (const mm of k.s.mms.values()) {
    const entries = 'entriesOf' in mm.ptes ? (mm.ptes as ByPage).entriesOf(page) : mm.ptes;
    // whether the process is alive is read only where it maps the page (what else it is
    // doing, an exit for one, cannot change the answer: explore's search sees that)
    let alive: boolean | null = null;
    for (const [addr, pte] of entries) {
      if (pte.page === page && (migration === null || pte.migration === migration))
        if ((alive ??= mm.alive)) out.push({ mm, addr });
    }
  }
  return out;
}
