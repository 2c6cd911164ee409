// Which lock ops may commute in explore's race relation (lockMeaning): a CPU's wait for a lock
// that follows the kernel's lock order, given the locks it holds. A deadlock needs a cycle of
// CPUs each holding a lock and waiting for the next; in a cycle one wait goes against the
// order (the ranks cannot rise all the way round), and that one conflicts with every op on its
// lock, so the search still tries the orders that reach the deadlock.
import type { Footprint } from './exploreTrack';

/**
 * Whether explore uses this rule. It was off for a while: with it the search missed a
 * use-after-free that the full search finds (2.6.36, a migration's page_get_anon_vma against an
 * exit, pinned in exploreReduction.test.ts). The rule was not at fault but the reversal of a race
 * (exploreRaces.ts, reverseRace): its sequence v held a third CPU's lock_page that j did not
 * need, which moved the reversal's point back before the holder's page-lock section and gave the
 * race up. v now holds only what j needs; off, the search is the one with every lock op a
 * conflict (for cross-checks).
 */
export const LOCK_ORDER_COMMUTES = true;

export class LockOrder {
  /** the locks each CPU holds now, with their rank */
  private held: Map<number, number>[] = [];

  constructor(private readonly rankOf: (id: number) => number | undefined) {}

  /** A parallel block begins: nobody holds a lock (sequential ops release theirs). */
  enter(cpus: number): void {
    this.held = Array.from({ length: cpus }, () => new Map<number, number>());
  }

  /** After a step of cpu: the locks it took or released. */
  update(cpu: number, fp: Footprint): void {
    const held = this.held[cpu]!;
    for (const [id, op] of fp.locks ?? []) {
      if (op === 'acq') held.set(id, this.rankOf(id) ?? Infinity);
      else if (op !== 'both') held.delete(id);
    }
  }

  /** Whether cpu's wait for lock `id` follows the order: every lock it holds ranks below. */
  commutes(cpu: number, id: number): boolean {
    const rank = this.rankOf(id);
    if (rank === undefined) return false;
    for (const r of this.held[cpu]?.values() ?? []) if (r >= rank) return false;
    return true;
  }
}
