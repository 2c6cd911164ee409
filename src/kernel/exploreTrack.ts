// What each micro-step reads and writes, for explore's partial-order reduction. Explore runs
// every interleaving on a copy of the state built by Tracking.clone: each field of each model
// object is an accessor, each array a proxy and each Map a TrackedMap, so that while a step
// runs every field it reads or writes is recorded in its Footprint. Nothing in the ops code
// declares what it touches: a field read three steps after the pointer to its object was
// taken, a check that reads a list, a lock's holders, a PTE in a page table — all are seen.
//
// Locations are numbers: an object field is oid * 64 + field index; an array is its oid * 64
// (one location for the whole list); a Map key is a location of its own and the Map's set of
// keys another (`a`ppended to, not overwritten, when a key is added or removed, so two steps
// adding different keys commute while a walk over the Map conflicts with both). A write keeps
// the value written: two steps writing the same value to a field commute (two readers setting
// an rwsem's mode to 'r'). Locks are recorded by their meaning (see lockMeaning).
//
// The same accessors keep the state's hash (exploreHash.ts) and each step's "observation":
// the hash of every value it read, which with the CPU's earlier observations determines the
// CPU's place in its op and its local variables (explore merges states by both).
//
// Object ids are given in a fixed order (the copy's walk, then creation order), so the same
// object has the same id in two runs of the same prefix: sleep sets compare footprints across
// runs. Objects created during a run get their id when they are first stored in the state and
// their accessors at the end of that step (adoptPending); until then only their creator sees them.
import { mix, OID, slot } from './exploreHash';
import {
  ANY,
  changed,
  ctx,
  fieldIndex,
  LOCK,
  see,
  track,
  trackHolders,
  VALS,
  type Arr,
  type Footprint,
  type LockOp,
  type Tracked,
} from './exploreRec';
import type { Tracking } from './exploreTracking';

export { OID } from './exploreHash';
export { ANY, newFootprint, recordInto, debugLabels, describeLoc } from './exploreRec';
export type { Footprint, LockOp } from './exploreRec';
export { TrackedMap } from './exploreTrackMap';

/** Whether the CPU of the step recording into r holds this lock (read without recording). */
function held(lock: Tracked, r: Footprint): boolean {
  const holders = lock[VALS][0];
  if (r.cpu === undefined || !Array.isArray(holders)) return false;
  ctx.rec = null;
  const yes = holders.includes(r.cpu);
  ctx.rec = r;
  return yes;
}

function accessors(f: number, i: number, lock: boolean): PropertyDescriptor {
  const holderReadsMode = lock && i === 1;
  return {
    get(this: Tracked) {
      const v = this[VALS][i];
      const r = ctx.rec;
      if (r !== null && !(holderReadsMode && held(this, r))) see(r, this[OID] * 64 + f, v);
      return v;
    },
    set(this: Tracked, v: unknown) {
      const t = lock && i === 0 ? trackHolders(v) : track(v);
      const loc = this[OID] * 64 + f;
      const r = ctx.rec;
      if (r !== null) r.w.set(loc, t);
      changed(loc, this[VALS][i], t);
      this[VALS][i] = t;
      if (lock && ctx.cur) ctx.cur.registerLock(this);
    },
    enumerable: true,
    configurable: true,
  };
}

/** One accessor layout per object shape (its tracked keys, in order). */
export interface Shape {
  keys: string[];
  /** a Lock: { holders, mode } */
  lock: boolean;
  descriptors: PropertyDescriptorMap;
  make: new (oid: number, vals: unknown[]) => Tracked;
}
const SHAPES = new Map<string, Shape>();
export function shapeOf(keys: string[]): Shape {
  const id = keys.join(',');
  let s = SHAPES.get(id);
  if (!s) {
    const descriptors: PropertyDescriptorMap = {};
    const lock = id === 'holders,mode';
    keys.forEach((k, i) => (descriptors[k] = accessors(fieldIndex(k), i, lock)));
    const make = class {
      [OID]: number;
      [VALS]: unknown[];
      constructor(oid: number, vals: unknown[]) {
        this[OID] = oid;
        this[VALS] = vals;
      }
    };
    Object.defineProperties(make.prototype, descriptors);
    s = { keys, lock, descriptors, make };
    SHAPES.set(id, s);
  }
  return s;
}

/** Add (or with remove, take out) an array's slots from the state's hash. */
export function hashArray(t: Arr, remove = false): void {
  const base = t[OID] * 64;
  const op = remove ? ctx.state.remove.bind(ctx.state) : ctx.state.add.bind(ctx.state);
  for (let i = 0; i < t.length; i++) op(slot(base, String(i)), t[i]);
  op(slot(base, 'length'), t.length);
}

export const arrayHandler: ProxyHandler<Arr> = {
  get(t, k) {
    const v = (t as unknown as Record<PropertyKey, unknown>)[k];
    const r = ctx.rec;
    if (r !== null) see(r, t[OID] * 64, typeof k === 'string' ? v : 0);
    return v;
  },
  set(t, k, v) {
    const r = ctx.rec;
    if (r !== null) r.w.set(t[OID] * 64, ANY);
    const x = track(v);
    const rec = t as unknown as Record<PropertyKey, unknown>;
    if (typeof k === 'string') changed(slot(t[OID] * 64, k), rec[k], x);
    rec[k] = x;
    return true;
  },
  deleteProperty(t, k) {
    const r = ctx.rec;
    if (r !== null) r.w.set(t[OID] * 64, ANY);
    const rec = t as unknown as Record<PropertyKey, unknown>;
    if (typeof k === 'string' && k in t) ctx.state.remove(slot(t[OID] * 64, k), rec[k]);
    return Reflect.deleteProperty(t, k);
  },
  defineProperty(t, k, d) {
    const r = ctx.rec;
    if (r !== null) r.w.set(t[OID] * 64, ANY);
    const rec = t as unknown as Record<PropertyKey, unknown>;
    if (typeof k === 'string') changed(slot(t[OID] * 64, k), rec[k], d.value);
    return Reflect.defineProperty(t, k, d);
  },
  has(t, k) {
    const r = ctx.rec;
    const yes = Reflect.has(t, k);
    if (r !== null) see(r, t[OID] * 64, yes);
    return yes;
  },
  ownKeys(t) {
    const r = ctx.rec;
    if (r !== null) see(r, t[OID] * 64, t.length);
    return Reflect.ownKeys(t);
  },
};

function lockOp(t: Arr, r: Footprint, op: LockOp): void {
  const lock = t[LOCK];
  if (!lock) {
    r.w.set(t[OID] * 64, ANY);
    return;
  }
  r.locks ??= new Map();
  const id = lock[OID];
  // a step that takes and drops a lock (or the reverse) changed it: a write
  const had = r.locks.get(id);
  r.locks.set(id, had && had !== op ? 'both' : op);
}

/** An operation on a lock's holders done on the array itself (its hash updated around it). */
function onHolders<T>(t: Arr, fn: () => T): T {
  hashArray(t, true);
  const out = fn();
  hashArray(t);
  return out;
}

/**
 * A lock's holders, as a set: a CPU adding or removing itself is a lock op (recorded by its
 * meaning, see lockMeaning), asking whether it holds the lock reads only its own membership,
 * which no other CPU can change; the set's size or contents read the whole.
 */
const HOLDER_OPS: Record<string, (t: Arr, r: Footprint) => unknown> = {
  push: (t, r) => (cpu: number) => {
    lockOp(t, r, 'acq');
    return onHolders(t, () => t.push(cpu));
  },
  splice: (t, r) => (start: number, n: number) => {
    lockOp(t, r, t[LOCK]?.[VALS][1] === 'r' ? 'rel-r' : 'rel-w');
    return onHolders(t, () => t.splice(start, n));
  },
  indexOf: (t, r) => (cpu: number) => {
    const i = t.indexOf(cpu);
    r.obs = mix(r.obs, i);
    return i;
  },
  includes: (t, r) => (cpu: number) => {
    const yes = t.includes(cpu);
    r.obs = mix(r.obs, yes ? 1 : 2);
    return yes;
  },
};

export const holdersHandler: ProxyHandler<Arr> = {
  ...arrayHandler,
  get(t, k) {
    const r = ctx.rec;
    if (r === null) return (t as unknown as Record<PropertyKey, unknown>)[k];
    const op = typeof k === 'string' ? HOLDER_OPS[k] : undefined;
    return op ? op(t, r) : arrayHandler.get!(t, k, t);
  },
};

/**
 * A lock taken or released is recorded by its meaning, not by the fields it changed: taking or
 * dropping it for reading appends to it (two readers commute), for writing writes it. What
 * else the step read or wrote of that lock on the way (its holders' count, its mode) is
 * replaced by that; any other step that looks at the lock (a trylock, a holders count) reads
 * it and so conflicts with both.
 *
 * With `commutes` (explore's races): a release, and an acquire the step waited for that
 * `commutes(id)` allows, are appends whatever their mode. Two critical sections then race only
 * where their steps touch the same data, and the search reverses such a race by moving a whole
 * critical section before the other (exploreRaces.ts); the order of two sections that touch
 * nothing in common is no longer a class of its own. `lk` keeps each lock op's mode for the
 * stricter relation the sleep sets use (`dependent`).
 */
export function lockMeaning(
  fp: Footprint,
  tracking: Tracking,
  commutes?: (id: number, op: LockOp) => boolean,
): void {
  if (!fp.locks) return;
  fp.lk = new Map();
  for (const [id, op] of fp.locks) {
    const [, all, mode] = tracking.lockLocsOf(id);
    fp.r.delete(all!);
    fp.r.delete(mode!);
    fp.w.delete(mode!);
    const reading = op === 'rel-r' || (op === 'acq' && tracking.lockState(id).mode === 'r');
    fp.lk.set(id, reading ? 'r' : 'w');
    if (reading || commutes?.(id, op)) {
      fp.w.delete(all!);
      fp.a.add(all!);
      fp.a.add(mode!);
    } else {
      fp.a.delete(all!);
      fp.w.set(all!, ANY);
      fp.w.set(mode!, ANY);
    }
  }
}
