// Whole-state checks (spec §9) run whenever no operation is half done: after each op and each
// parallel block. Per-step checks (use-after-free, double-free, unlocked-write, list-corrupt,
// root-not-last, rmap-miss of a walk) live where the step happens (objects.ts, rmapWalk.ts).
import type { Sink } from './exec';
import { avId, avcId, findVma, pteId, vmaAddress, vmaId, type AnonVma, type State } from './state';

/** Ops that only add to the forest: after them no list entry can be left dangling. */
const ADDING = new Set(['spawn', 'fork', 'touch', 'migrate', 'ksm_get', 'take_all_locks']);

/** Lists up to this long are searched for a chain's entry; longer ones trust its onList flag. */
const SEARCHED = 64;

/**
 * Check the processes named in `pids` (all when absent) and the anon_vmas they reach: an op
 * can only have changed what its own processes reach, so replays stay linear in length. After
 * an op of `kind` that only adds (a fork, a fault…), the anon_vmas' lists are not read back
 * entry by entry: a fork deep in a chain reaches every list of the family, and reading them all
 * after each fork made a 1,000-deep chain cubic.
 */
export function checkStructure(
  s: State,
  out: Sink,
  pids?: ReadonlySet<string>,
  kind?: string,
): void {
  const reached = new Set<AnonVma>();
  for (const mm of s.mms.values()) {
    if (!mm.alive || (pids && !pids.has(mm.pid))) continue;
    for (const v of mm.vmas) {
      const ids = new Set<unknown>();
      for (const c of v.chain) {
        reached.add(c.av);
        if (ids.has(c.av))
          out.violation('list-corrupt', `${vmaId(v)} has two chains to ${avId(c.av)}`, [vmaId(v)]);
        ids.add(c.av);
        if (c.av.freed) {
          out.violation('use-after-free', `${avcId(c)} points at ${avId(c.av)}, which was freed`, [
            avcId(c),
            avId(c.av),
          ]);
        } else if (!c.onList || (c.av.list.length <= SEARCHED && !c.av.list.includes(c))) {
          out.violation(
            'list-corrupt',
            `${avcId(c)} is on ${vmaId(v)}'s chain but not on ${avId(c.av)}'s list`,
            [avcId(c)],
          );
        }
      }
      if ((v.anonVma !== null) !== v.chain.length > 0 || (v.anonVma && !ids.has(v.anonVma))) {
        out.violation('list-corrupt', `${vmaId(v)}->anon_vma does not match its chain`, [vmaId(v)]);
      }
      if (s.flags.trackRoot && v.chain.length > 0) {
        const tail = v.chain[v.chain.length - 1]!.av;
        if (v.chain.some((c) => c.av.root !== tail)) {
          out.violation('root-not-last', `the root is not the tail of ${vmaId(v)}'s chain`, [
            vmaId(v),
            avId(tail),
          ]);
        }
      }
    }
    for (const [addr, pte] of mm.ptes) {
      const page = pte.page;
      const av = page.mapping;
      if (!av) continue;
      reached.add(av);
      const id = pteId(mm, addr);
      if (av.freed) {
        out.violation('use-after-free', `page at ${id} points at ${avId(av)}, which was freed`, [
          id,
          avId(av),
        ]);
        continue;
      }
      const v = findVma(mm, addr);
      if (!v) continue;
      const linked = av.list.some((c) => c.vma === v && !c.freed);
      if (!linked || vmaAddress(page, v) !== addr) {
        out.violation(
          'rmap-miss',
          `an rmap walk from ${avId(av)} cannot reach the page at ${id} in ${vmaId(v)}`,
          [id, vmaId(v), avId(av)],
        );
      }
    }
  }
  for (const r of s.refs.values()) reached.add(r.av);
  const lists = !pids || kind === undefined || !ADDING.has(kind);
  for (const av of pids ? reached : s.anonVmas) {
    if (av.freed) continue;
    if (lists)
      for (const c of av.list) {
        if (c.freed)
          out.violation('use-after-free', `${avId(av)}'s list holds ${avcId(c)}, which was freed`, [
            avcId(c),
          ]);
        else if (!c.onChain || c.vma.freed) {
          out.violation(
            'list-corrupt',
            `${avcId(c)} is on ${avId(av)}'s list but on no live VMA's chain`,
            [avcId(c)],
          );
        }
      }
    if (s.flags.trackRoot && av.root.freed) {
      out.violation('use-after-free', `${avId(av)}->root is ${avId(av.root)}, which was freed`, [
        avId(av),
        avId(av.root),
      ]);
    }
  }
}

/** Counter consistency (spec I-D0/I-D1), for tests: returns the mismatches as sentences. */
export function counterErrors(s: State): string[] {
  const errs: string[] = [];
  const live = s.anonVmas.filter((a) => !a.freed);
  const vmas = [...s.mms.values()].filter((m) => m.alive).flatMap((m) => m.vmas);
  for (const av of live) {
    const active = vmas.filter((v) => v.anonVma === av).length;
    // unlink_anon_vmas uncounts a child from its parent as soon as the child's tree empties
    const children = live.filter((y) => y !== av && y.parent === av && y.list.length > 0).length;
    const self = av.root === av && av.list.length > 0 ? 1 : 0;
    if (s.flags.reuse === 'num_children') {
      if (av.numActiveVmas !== active)
        errs.push(`${avId(av)}: num_active_vmas ${av.numActiveVmas}, expected ${active}`);
      if (av.numChildren !== children + self)
        errs.push(`${avId(av)}: num_children ${av.numChildren}, expected ${children + self}`);
    }
    if (s.flags.reuse === 'degree' && av.degree !== active + children + self) {
      errs.push(`${avId(av)}: degree ${av.degree}, expected ${active + children + self}`);
    }
  }
  return errs;
}
