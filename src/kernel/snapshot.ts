// Contract 2: the forest snapshot (`anon-vma-forest/forest@1`) with canonical ids, so that two
// forests compare with === on their JSON. Fields an era does not have are left out.
import type { Flags } from './flags';
import { anonVmaId } from './ids';
import { liveMms, type AnonVma, type State } from './state';

export const FOREST_FORMAT = 'anon-vma-forest/forest@1';

export interface ForestVma {
  start: number;
  end: number;
  anon_vma: string | null;
  chain: string[];
}

export interface ForestAnonVma {
  id: string;
  root?: string;
  parent?: string;
  refcount: number;
  degree?: number;
  num_children?: number;
  num_active_vmas?: number;
  tree: { pid: string; start: number }[];
}

export interface ForestPage {
  pid: string;
  addr: number;
  anon_vma: string | null;
  migration?: true;
}

export interface Forest {
  format: typeof FOREST_FORMAT;
  era: string;
  processes: { pid: string; vmas: ForestVma[] }[];
  anon_vmas: ForestAnonVma[];
  pages: ForestPage[];
}

/** Canonical order: VMAs' anon_vma then chain, then root/parent closure, then referenced-only. */
export function canonicalOrder(s: State): AnonVma[] {
  const order: AnonVma[] = [];
  const seen = new Set<AnonVma>();
  const add = (av: AnonVma | null): void => {
    if (av && !av.freed && !seen.has(av)) {
      seen.add(av);
      order.push(av);
    }
  };
  for (const mm of liveMms(s)) {
    for (const v of mm.vmas) {
      add(v.anonVma);
      for (const c of v.chain) add(c.av);
    }
  }
  // root / parent closure, run again after the referenced-only ones join
  let i = 0;
  const close = (): void => {
    for (; i < order.length; i++) {
      const av = order[i]!;
      if (s.flags.trackRoot) add(av.root);
      if (s.flags.reuse !== 'none') add(av.parent);
    }
  };
  close();
  for (const r of [...s.refs.values()].sort((a, b) => a.order - b.order)) add(r.av);
  close();
  return order;
}

function avFields(av: AnonVma, f: Flags, name: (a: AnonVma) => string): ForestAnonVma {
  // Key order is part of the contract: forests compare as JSON text.
  const out = { id: name(av) } as ForestAnonVma;
  if (f.trackRoot) out.root = name(av.root);
  if (f.reuse !== 'none') out.parent = name(av.parent);
  out.refcount = av.refcount;
  if (f.reuse === 'degree') out.degree = av.degree;
  if (f.reuse === 'num_children') {
    out.num_children = av.numChildren;
    out.num_active_vmas = av.numActiveVmas;
  }
  out.tree = av.list.map((c) => ({ pid: c.vma.mm.pid, start: c.vma.start }));
  return out;
}

export function forestOf(s: State): Forest {
  const order = canonicalOrder(s);
  const ids = new Map<AnonVma, string>(order.map((a, i) => [a, anonVmaId(i)]));
  const name = (a: AnonVma): string => ids.get(a) ?? `freed:av${a.n}`;
  const mms = liveMms(s);
  const pages: ForestPage[] = [];
  for (const mm of mms) {
    for (const addr of [...mm.ptes.keys()].sort((a, b) => a - b)) {
      const pte = mm.ptes.get(addr)!;
      if (pte.page === s.zeroPage) continue;
      const p: ForestPage = {
        pid: mm.pid,
        addr,
        anon_vma: pte.page.mapping ? name(pte.page.mapping) : null,
      };
      if (pte.migration) p.migration = true;
      pages.push(p);
    }
  }
  return {
    format: FOREST_FORMAT,
    era: s.era,
    processes: mms.map((mm) => ({
      pid: mm.pid,
      vmas: mm.vmas.map((v) => ({
        start: v.start,
        end: v.end,
        anon_vma: v.anonVma ? name(v.anonVma) : null,
        chain: v.chain.map((c) => name(c.av)),
      })),
    })),
    anon_vmas: order.map((av) => avFields(av, s.flags, name)),
    pages,
  };
}
