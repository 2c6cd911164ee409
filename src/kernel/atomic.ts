// Counters the kernel updates atomically (reference counts, mapcounts) and fresh ids (page
// frame numbers, VMA serials). Outside explore these are plain `+=`. Under explore's tracked
// copy (exploreTrack.ts) they are recorded by their meaning, which is what lets two of them
// commute in the search:
// - atomicAdd (atomic_inc, atomic_dec): an append to the counter, without reading it. Two adds
//   commute; an add conflicts with any step that reads the counter. Its value is returned for
//   the trace's narration only: no decision may depend on it (use atomicAddReturn).
// - atomicAddReturn (atomic_dec_and_test, atomic_add_return): an add and a read of the result.
// - freshId: the next number of an allocation counter, neither read nor written as far as the
//   search goes. Two allocations in either order give states equal up to a renaming of the
//   numbers, and nothing in the model decides on a number's order or value (it names things).
import { OID } from './exploreHash';
import { ctx, fieldIndex, see, VALS } from './exploreRec';

type Counters<K extends string> = { [k in K]: number };

/** The field's location if o is tracked and a step is being recorded (else null). */
function recording(o: object, key: string) {
  const r = ctx.rec;
  if (r === null || !Object.hasOwn(o, VALS)) return null;
  return { r, loc: (o as { [OID]: number })[OID] * 64 + fieldIndex(key) };
}

/** Add d to o[key] without the step reading it; the new value is for the narration only. */
export function atomicAdd<K extends string>(o: Counters<K>, key: K, d: number): number {
  const at = recording(o, key);
  if (!at) return (o[key] += d);
  ctx.rec = null;
  const v = o[key] + d;
  o[key] = v;
  ctx.rec = at.r;
  at.r.a.add(at.loc);
  return v;
}

/** Add d to o[key] and return the new value, which the step decides on (a read of it). */
export function atomicAddReturn<K extends string>(o: Counters<K>, key: K, d: number): number {
  const v = atomicAdd(o, key, d);
  const at = recording(o, key);
  if (at) see(at.r, at.loc, v);
  return v;
}

/** The next number of an allocation counter (then bumped). */
export function freshId<K extends string>(o: Counters<K>, key: K): number {
  const r = ctx.rec;
  ctx.rec = null;
  const v = o[key]++;
  ctx.rec = r;
  return v;
}
