// Objects whose lifetimes never overlap share a slot (a process band, an anon_vma column), so the
// layout of a whole trace stays compact while nothing moves: greedy interval partitioning.
import type { Lifetime } from './universe';

/**
 * Whether an object that lives from `next.first` may take the slot of one that lived until
 * `prev.last`, given the sampled cursors (ascending): only when some sample proves the first
 * gone before the second came, since two objects may both live between two sparse samples.
 */
export function canFollow(prev: Lifetime, next: Lifetime, samples: readonly number[]): boolean {
  if (prev.last >= next.first) return false;
  if (next.first === prev.last + 1) return true;
  // the first sample after prev.last (samples ascend): is it before next.first?
  let lo = 0;
  let hi = samples.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (samples[mid]! <= prev.last) lo = mid + 1;
    else hi = mid;
  }
  return lo < samples.length && samples[lo]! < next.first;
}

/**
 * Slot index of every id. `ids` is the preferred order (ties in first appearance keep it); an
 * id takes the lowest slot whose last occupant it can follow.
 */
export function assignSlots(
  ids: readonly string[],
  life: Readonly<Record<string, Lifetime>>,
  samples: readonly number[],
): { slotOf: Record<string, number>; slots: string[][] } {
  const order = ids
    .map((id, i) => ({ id, i, life: life[id] ?? { first: 0, last: Number.POSITIVE_INFINITY } }))
    .sort((a, b) => a.life.first - b.life.first || a.i - b.i);
  const slots: { ids: string[]; last: Lifetime }[] = [];
  const slotOf: Record<string, number> = {};
  for (const item of order) {
    let slot = slots.findIndex((s) => canFollow(s.last, item.life, samples));
    if (slot < 0) {
      slot = slots.length;
      slots.push({ ids: [], last: item.life });
    }
    const s = slots[slot];
    if (!s) continue;
    s.ids.push(item.id);
    s.last = item.life;
    slotOf[item.id] = slot;
  }
  return { slotOf, slots: slots.map((s) => s.ids) };
}
