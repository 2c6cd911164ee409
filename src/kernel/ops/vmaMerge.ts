// vma_merge (mm/mmap.c): can the range [addr, end) with these flags join its neighbours?
// Returns the vma_adjust plan for the kernel's cases 1–8 (see the diagram above vma_merge in
// mm/mmap.c), or null when nothing merges.
import type { AnonVma, Mm, Vma } from '../state';
import type { AdjustPlan } from './vmaAdjust';

export interface MergeAttrs {
  prot: 'r' | 'rw';
  growsdown: boolean;
  anonVma: AnonVma | null;
  pgoff: number;
}

/**
 * is_mergeable_anon_vma: equal, or one is NULL and the VMA's chain is a single entry
 * (list_is_singular: an empty chain is not singular, so a range with an anon_vma does not merge
 * into a VMA that never faulted).
 */
function mergeableAnon(a: AnonVma | null, b: AnonVma | null, v: Vma | null): boolean {
  if ((!a || !b) && (!v || v.chain.length === 1)) return true;
  return a === b;
}

function sameFlags(v: Vma, at: MergeAttrs): boolean {
  return v.prot === at.prot && v.growsdown === at.growsdown;
}

function canMergeAfter(prev: Vma, at: MergeAttrs): boolean {
  return (
    sameFlags(prev, at) &&
    mergeableAnon(at.anonVma, prev.anonVma, prev) &&
    prev.pgoff + (prev.end - prev.start) === at.pgoff
  );
}

function canMergeBefore(next: Vma, at: MergeAttrs, pgoffEnd: number): boolean {
  return (
    sameFlags(next, at) && mergeableAnon(at.anonVma, next.anonVma, next) && next.pgoff === pgoffEnd
  );
}

export interface MergePlan {
  plan: AdjustPlan;
  result: Vma;
}

export function vmaMerge(
  mm: Mm,
  prev: Vma | null,
  addr: number,
  end: number,
  at: MergeAttrs,
): MergePlan | null {
  const after = prev ? prev.end : 0;
  let next: Vma | undefined = mm.vmas.find((v) => v.start >= after);
  const mid = next;
  if (next && next.end === end) next = mm.vmas.find((v) => v.start >= end);
  const pglen = end - addr;
  const mergePrev = !!prev && prev.end === addr && canMergeAfter(prev, at);
  const mergeNext = !!next && next.start === end && canMergeBefore(next, at, at.pgoff + pglen);
  if (prev && mergePrev) {
    if (next && mergeNext && mergeableAnon(prev.anonVma, next.anonVma, null)) {
      // cases 1 and 6: prev swallows [addr,end) and next
      const remove = mid && mid !== next && mid.start === addr ? [mid, next] : [next];
      const exporter = remove.length === 2 && !mid!.anonVma ? next : remove[0]!;
      return {
        plan: {
          vma: prev,
          start: prev.start,
          end: next.end,
          pgoff: prev.pgoff,
          remove,
          importer: prev,
          exporter,
        },
        result: prev,
      };
    }
    // cases 2, 5, 7
    if (mid && mid.start === addr && mid.end === end) {
      return {
        plan: {
          vma: prev,
          start: prev.start,
          end,
          pgoff: prev.pgoff,
          remove: [mid],
          importer: prev,
          exporter: mid,
        },
        result: prev,
      };
    }
    if (mid && mid.start === addr && mid.end > end) {
      return {
        plan: {
          vma: prev,
          start: prev.start,
          end,
          pgoff: prev.pgoff,
          next: { vma: mid, start: end, pgoff: mid.pgoff + (end - mid.start) },
          importer: prev,
          exporter: mid,
        },
        result: prev,
      };
    }
    return { plan: { vma: prev, start: prev.start, end, pgoff: prev.pgoff }, result: prev };
  }
  if (next && mergeNext) {
    if (prev && addr < prev.end) {
      // case 4: prev keeps [start, addr), next grows down over the rest of prev
      return {
        plan: {
          vma: prev,
          start: prev.start,
          end: addr,
          pgoff: prev.pgoff,
          next: { vma: next, start: addr, pgoff: next.pgoff - (next.start - addr) },
          importer: next,
          exporter: prev,
        },
        result: next,
      };
    }
    if (mid && mid !== next && mid.start === addr && mid.end === end) {
      // case 8: next grows down over mid, which goes away
      return {
        plan: {
          vma: next,
          start: addr,
          end: next.end,
          pgoff: next.pgoff - pglen,
          remove: [mid],
          importer: next,
          exporter: mid,
        },
        result: next,
      };
    }
    // case 3: next grows down over a new range
    return {
      plan: { vma: next, start: addr, end: next.end, pgoff: next.pgoff - pglen },
      result: next,
    };
  }
  return null;
}
