// Every object that ever exists in a trace, in a stable order, with the span of cursors it lives
// over, so that the layout is computed once for the whole trace and scrubbing never makes a row
// or a column jump (STYLE.md 8).
import { parseAnonVmaId } from '../../kernel';
import type { ViewState } from '../../kernel';
import { addParents } from './family';
import type { ParentLink } from './family';

export interface UniverseVma {
  /** `pid:start` */
  id: string;
  pid: string;
  start: number;
}

/** The first and last sampled cursor at which an object exists. */
export interface Lifetime {
  first: number;
  last: number;
}

export interface Universe {
  /** Processes in the order they first appear. */
  pids: string[];
  /** VMAs grouped by process (in `pids` order), then by start. */
  vmas: UniverseVma[];
  /** anon_vma trace ids in allocation order (`av0`, `av1`, ... `av10`). */
  anonVmas: string[];
  /** The address range (in pages) that any VMA ever covered: [minAddr, maxAddr). */
  minAddr: number;
  maxAddr: number;
  processLife: Record<string, Lifetime>;
  anonVmaLife: Record<string, Lifetime>;
  /** The cursors the universe was built from, ascending. */
  samples: number[];
  /** anon_vma id -> its parent in the family tree (see family.ts) */
  parents: Record<string, ParentLink>;
  /** anon_vma id -> every physical page that ever pointed to it, in order of first sight */
  pfns: Record<string, number[]>;
}

/** The state after `cursor` micro-steps. */
export interface Sample {
  cursor: number;
  state: ViewState;
}

/** `av12` -> 12; ids of another shape sort after every `avN`, by name. */
function anonVmaOrder(a: string, b: string): number {
  const na = parseAnonVmaId(a);
  const nb = parseAnonVmaId(b);
  if (na !== null && nb !== null) return na - nb;
  if (na !== null) return -1;
  if (nb !== null) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function live(map: Map<string, Lifetime>, id: string, cursor: number): void {
  const life = map.get(id);
  if (!life) map.set(id, { first: cursor, last: cursor });
  else {
    life.first = Math.min(life.first, cursor);
    life.last = Math.max(life.last, cursor);
  }
}

/** The universe of `samples`; with `base`, the universe of base's samples and these. */
export function collectUniverse(samples: Iterable<Sample>, base?: Universe): Universe {
  const pids: string[] = [...(base?.pids ?? [])];
  const vmasByPid = new Map<string, Map<string, UniverseVma>>(pids.map((pid) => [pid, new Map()]));
  for (const vma of base?.vmas ?? []) vmasByPid.get(vma.pid)?.set(vma.id, vma);
  const processLife = new Map(
    Object.entries(base?.processLife ?? {}).map(([k, v]) => [k, { ...v }]),
  );
  const anonVmaLife = new Map(
    Object.entries(base?.anonVmaLife ?? {}).map(([k, v]) => [k, { ...v }]),
  );
  const cursors = new Set(base?.samples);
  const parents = new Map(Object.entries(base?.parents ?? {}));
  const pfns = new Map(Object.entries(base?.pfns ?? {}).map(([k, v]) => [k, [...v]]));
  const pfnSets = new Map<string, Set<number>>();
  const hasBaseRange = base !== undefined && base.minAddr < base.maxAddr;
  let minAddr = hasBaseRange ? base.minAddr : Number.POSITIVE_INFINITY;
  let maxAddr = hasBaseRange ? base.maxAddr : Number.NEGATIVE_INFINITY;

  for (const { cursor, state } of samples) {
    cursors.add(cursor);
    // each anon_vma once per sample: a deep fork chain names its family in every VMA's chain
    const seen = new Set<string>();
    const av = (id: string | null | undefined) => {
      if (id && !seen.has(id)) {
        seen.add(id);
        live(anonVmaLife, id, cursor);
      }
    };
    for (const proc of state.processes) {
      let vmas = vmasByPid.get(proc.pid);
      if (!vmas) {
        vmas = new Map();
        vmasByPid.set(proc.pid, vmas);
        pids.push(proc.pid);
      }
      live(processLife, proc.pid, cursor);
      for (const vma of proc.vmas) {
        if (!vmas.has(vma.id)) vmas.set(vma.id, { id: vma.id, pid: proc.pid, start: vma.start });
        if (vma.start < minAddr) minAddr = vma.start;
        if (vma.end > maxAddr) maxAddr = vma.end;
        av(vma.anonVma);
        for (const id of vma.chain) av(id);
      }
    }
    for (const a of state.anonVmas) {
      av(a.id);
      av(a.root);
      av(a.parent);
    }
    addParents(parents, state);
    for (const page of state.pages) {
      av(page.anonVma);
      if (page.anonVma) {
        let list = pfnSets.get(page.anonVma);
        if (!list) {
          list = new Set(pfns.get(page.anonVma));
          pfnSets.set(page.anonVma, list);
        }
        if (!list.has(page.page)) {
          list.add(page.page);
          const order = pfns.get(page.anonVma) ?? [];
          order.push(page.page);
          pfns.set(page.anonVma, order);
        }
      }
      if (page.addr < minAddr) minAddr = page.addr;
      if (page.addr + 1 > maxAddr) maxAddr = page.addr + 1;
    }
  }

  const vmas = pids.flatMap((pid) =>
    [...(vmasByPid.get(pid)?.values() ?? [])].sort(
      (a, b) => a.start - b.start || byText(a.id, b.id),
    ),
  );
  const empty = minAddr > maxAddr;
  return {
    pids,
    vmas,
    anonVmas: [...anonVmaLife.keys()].sort(anonVmaOrder),
    minAddr: empty ? 0 : minAddr,
    maxAddr: empty ? 0 : maxAddr,
    processLife: Object.fromEntries(processLife),
    anonVmaLife: Object.fromEntries(anonVmaLife),
    samples: [...cursors].sort((a, b) => a - b),
    parents: Object.fromEntries(parents),
    pfns: Object.fromEntries(pfns),
  };
}

/**
 * Which cursor positions to sample for the universe: every step of a short trace; for a long one,
 * the start of every op and the end (objects that live only inside one op are added on the fly);
 * for one of more ops than the budget, the starts of evenly spaced ops (a sampled state costs its
 * size: 2,000 states of a 1,000-process forest took 20 s to build).
 */
export function sampleCursors(total: number, opStarts: readonly number[], budget = 600): number[] {
  if (total <= budget) return Array.from({ length: total + 1 }, (_, n) => n);
  const picks = new Set<number>([0, total]);
  const every = Math.max(1, Math.ceil(opStarts.length / budget));
  opStarts.forEach((n, i) => {
    if (n >= 0 && n <= total && (i % every === 0 || i === opStarts.length - 1)) picks.add(n);
  });
  return [...picks].sort((a, b) => a - b);
}

/** Whether every object of `state` has a place in `u` (a transient object may not). */
export function covers(u: Universe, state: ViewState): boolean {
  const vmas = new Set(u.vmas.map((v) => v.id));
  const avs = new Set(u.anonVmas);
  const hasAv = (id: string | null | undefined) => !id || avs.has(id);
  return (
    state.processes.every((p) =>
      p.vmas.every(
        (v) =>
          vmas.has(v.id) &&
          v.start >= u.minAddr &&
          v.end <= u.maxAddr &&
          hasAv(v.anonVma) &&
          v.chain.every(hasAv),
      ),
    ) &&
    state.anonVmas.every((a) => hasAv(a.id) && hasAv(a.root) && hasAv(a.parent)) &&
    state.pages.every(
      (p) =>
        hasAv(p.anonVma) &&
        p.addr >= u.minAddr &&
        p.addr < u.maxAddr &&
        (p.anonVma === null || (u.pfns[p.anonVma]?.includes(p.page) ?? false)),
    )
  );
}
