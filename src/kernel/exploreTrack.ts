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
import { mix, OID, slot, valueHash, Zobrist } from './exploreHash';

export { OID } from './exploreHash';

/** Fields that are not model state: a cache of a VMA's id, and an insertion stamp nobody reads. */
const UNTRACKED = new Set(['idCache', 'seq', 'nextSeq', 'flags', 'era']);

const VALS: unique symbol = Symbol('vals');

interface Tracked {
  [OID]: number;
  [VALS]: unknown[];
}

/** What one micro-step read, wrote (with the last value written) and appended to. */
export interface Footprint {
  /** the CPU whose step it is (a lock's mode, read by one of its holders, cannot change) */
  cpu?: number;
  r: Set<number>;
  w: Map<number, unknown>;
  a: Set<number>;
  /** the locks it took or released (by lock id), and in which mode (see lockMeaning) */
  locks?: Map<number, 'acq' | 'rel-r' | 'rel-w'>;
  /** the hash of the values it read, in order */
  obs: number;
}

export const newFootprint = (): Footprint => ({
  r: new Set(),
  w: new Map(),
  a: new Set(),
  obs: 0,
});

/** The value of a write that conflicts with every other write (an array changed in place). */
export const ANY: unique symbol = Symbol('any');

let REC: Footprint | null = null;
let CUR: Tracking | null = null;
/** the hash of the tracked state of the run under way */
let STATE = new Zobrist();

/** Start (or with null, stop) recording the accesses of the running step. */
export function recordInto(fp: Footprint | null): void {
  REC = fp;
}

/** A value's hash; a proxied array by its id (asking the proxy would be a recorded read). */
const vh = (v: unknown): number => {
  if (typeof v === 'object' && v !== null) {
    const id = PROXY_IDS.get(v);
    if (id !== undefined) return id;
  }
  return valueHash(v);
};

/** A read of `loc` that returned v. */
function see(r: Footprint, loc: number, v: unknown): void {
  r.r.add(loc);
  r.obs = mix(mix(r.obs, loc), vh(v));
}

/** A tracked location changed from `old` to `v`: the state's hash follows. */
function changed(loc: number, old: unknown, v: unknown): void {
  STATE.remove(loc, old);
  STATE.add(loc, v);
}

const FIELDS = new Map<string, number>();
function fieldIndex(name: string): number {
  let f = FIELDS.get(name);
  if (f === undefined) {
    f = FIELDS.size + 1;
    if (f >= 64) throw new Error('explore: more than 63 distinct model fields');
    FIELDS.set(name, f);
  }
  return f;
}

/** Whether the CPU of the step recording into r holds this lock (read without recording). */
function held(lock: Tracked, r: Footprint): boolean {
  const holders = lock[VALS][0];
  if (r.cpu === undefined || !Array.isArray(holders)) return false;
  REC = null;
  const yes = holders.includes(r.cpu);
  REC = r;
  return yes;
}

function accessors(f: number, i: number, lock: boolean): PropertyDescriptor {
  const holderReadsMode = lock && i === 1;
  return {
    get(this: Tracked) {
      const v = this[VALS][i];
      const r = REC;
      if (r !== null && !(holderReadsMode && held(this, r))) see(r, this[OID] * 64 + f, v);
      return v;
    },
    set(this: Tracked, v: unknown) {
      const t = lock && i === 0 ? trackHolders(v) : track(v);
      const loc = this[OID] * 64 + f;
      const r = REC;
      if (r !== null) r.w.set(loc, t);
      changed(loc, this[VALS][i], t);
      this[VALS][i] = t;
      if (lock && CUR) CUR.registerLock(this);
    },
    enumerable: true,
    configurable: true,
  };
}

/** One accessor layout per object shape (its tracked keys, in order). */
interface Shape {
  keys: string[];
  /** a Lock: { holders, mode } */
  lock: boolean;
  descriptors: PropertyDescriptorMap;
  make: new (oid: number, vals: unknown[]) => Tracked;
}
const SHAPES = new Map<string, Shape>();
function shapeOf(keys: string[]): Shape {
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

type Arr = unknown[] & { [OID]: number; [LOCK]?: Tracked };
const LOCK: unique symbol = Symbol('lock');
const PROXY_IDS = new WeakMap<object, number>();

/** Add (or with remove, take out) an array's slots from the state's hash. */
function hashArray(t: Arr, remove = false): void {
  const base = t[OID] * 64;
  const op = remove ? STATE.remove.bind(STATE) : STATE.add.bind(STATE);
  for (let i = 0; i < t.length; i++) op(slot(base, String(i)), t[i]);
  op(slot(base, 'length'), t.length);
}

const arrayHandler: ProxyHandler<Arr> = {
  get(t, k) {
    const v = (t as unknown as Record<PropertyKey, unknown>)[k];
    const r = REC;
    if (r !== null) see(r, t[OID] * 64, typeof k === 'string' ? v : 0);
    return v;
  },
  set(t, k, v) {
    const r = REC;
    if (r !== null) r.w.set(t[OID] * 64, ANY);
    const x = track(v);
    const rec = t as unknown as Record<PropertyKey, unknown>;
    if (typeof k === 'string') changed(slot(t[OID] * 64, k), rec[k], x);
    rec[k] = x;
    return true;
  },
  deleteProperty(t, k) {
    const r = REC;
    if (r !== null) r.w.set(t[OID] * 64, ANY);
    const rec = t as unknown as Record<PropertyKey, unknown>;
    if (typeof k === 'string' && k in t) STATE.remove(slot(t[OID] * 64, k), rec[k]);
    return Reflect.deleteProperty(t, k);
  },
  defineProperty(t, k, d) {
    const r = REC;
    if (r !== null) r.w.set(t[OID] * 64, ANY);
    const rec = t as unknown as Record<PropertyKey, unknown>;
    if (typeof k === 'string') changed(slot(t[OID] * 64, k), rec[k], d.value);
    return Reflect.defineProperty(t, k, d);
  },
  has(t, k) {
    const r = REC;
    const yes = Reflect.has(t, k);
    if (r !== null) see(r, t[OID] * 64, yes);
    return yes;
  },
  ownKeys(t) {
    const r = REC;
    if (r !== null) see(r, t[OID] * 64, t.length);
    return Reflect.ownKeys(t);
  },
};

function lockOp(t: Arr, r: Footprint, op: 'acq' | 'rel-r' | 'rel-w'): void {
  const lock = t[LOCK];
  if (!lock) {
    r.w.set(t[OID] * 64, ANY);
    return;
  }
  r.locks ??= new Map();
  const id = lock[OID];
  // a step that takes and drops a lock (or the reverse) changed it: a write
  const had = r.locks.get(id);
  r.locks.set(id, had && had !== op ? 'rel-w' : op);
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

const holdersHandler: ProxyHandler<Arr> = {
  ...arrayHandler,
  get(t, k) {
    const r = REC;
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
 */
export function lockMeaning(fp: Footprint, tracking: Tracking): void {
  if (!fp.locks) return;
  for (const [id, op] of fp.locks) {
    const [, all, mode] = tracking.lockLocsOf(id);
    fp.r.delete(all!);
    fp.r.delete(mode!);
    fp.w.delete(mode!);
    const reading = op === 'rel-r' || (op === 'acq' && tracking.lockState(id).mode === 'r');
    if (reading) {
      fp.a.add(all!);
      fp.a.add(mode!);
    } else {
      fp.a.delete(all!);
      fp.w.set(all!, ANY);
      fp.w.set(mode!, ANY);
    }
  }
}

/** A Map whose keys are locations and whose set of keys another (see the header). */
export class TrackedMap<K, V> extends Map<K, V> {
  declare [OID]: number;
  /** the hash of its entries (a walk over it observes that) */
  declare entriesHash: Zobrist;
  private loc(key: K): number {
    return CUR ? CUR.keyLoc(this[OID], key) : 0;
  }
  private slot(key: K): number {
    return slot(this[OID] * 64, key);
  }
  private readAll(): void {
    const r = REC;
    if (r !== null) see(r, this[OID] * 64, this.entriesHash.key());
  }
  override get(key: K): V | undefined {
    const v = super.get(key);
    const r = REC;
    if (r !== null) see(r, this.loc(key), v);
    return v;
  }
  override has(key: K): boolean {
    const yes = super.has(key);
    const r = REC;
    if (r !== null) see(r, this.loc(key), yes);
    return yes;
  }
  override set(key: K, value: V): this {
    const r = REC;
    const v = track(value) as V;
    const had = super.has(key);
    const old = super.get(key);
    if (r !== null) {
      r.w.set(this.loc(key), v);
      r.a.add(this[OID] * 64);
      this.remap(r, old);
      this.remap(r, v);
    }
    const s = this.slot(key);
    if (had) {
      STATE.remove(s, old);
      this.entriesHash.remove(s, old);
    }
    STATE.add(s, v);
    this.entriesHash.add(s, v);
    return super.set(key, v);
  }
  override delete(key: K): boolean {
    if (!super.has(key)) return super.delete(key);
    const old = super.get(key);
    const r = REC;
    if (r !== null) {
      r.w.set(this.loc(key), undefined);
      r.a.add(this[OID] * 64);
      this.remap(r, old);
    }
    const s = this.slot(key);
    STATE.remove(s, old);
    this.entriesHash.remove(s, old);
    return super.delete(key);
  }
  override clear(): void {
    for (const k of [...super.keys()]) this.delete(k);
  }
  /** A page-table entry added or removed changes its page's mappings (see entriesOf). */
  private remap(r: Footprint, v: unknown): void {
    REC = null;
    const pfn = (v as { page?: { pfn?: unknown } } | undefined)?.page?.pfn;
    REC = r;
    if (typeof pfn === 'number') r.a.add(this.pageLoc(pfn));
  }
  private pageLoc(pfn: number): number {
    return CUR ? CUR.keyLoc(this[OID], `page ${pfn}`) : 0;
  }
  /** The entries whose value refers to `page`: a read of that page's mappings only. */
  entriesOf(page: { pfn: number }): [K, V][] {
    const r = REC;
    REC = null;
    const pfn = page.pfn;
    const out: [K, V][] = [];
    // the entries' values are new objects per change, so their identities tell what changed
    let h = 0;
    for (const [k, v] of super.entries())
      if ((v as { page?: unknown }).page === page) {
        out.push([k, v]);
        h = mix(mix(h, valueHash(k)), valueHash(v));
      }
    REC = r;
    if (r !== null) see(r, this.pageLoc(pfn), h);
    return out;
  }
  override get size(): number {
    this.readAll();
    return super.size;
  }
  override keys(): MapIterator<K> {
    this.readAll();
    return super.keys();
  }
  override values(): MapIterator<V> {
    this.readAll();
    return super.values();
  }
  override entries(): MapIterator<[K, V]> {
    this.readAll();
    return super.entries();
  }
  override forEach(fn: (v: V, k: K, m: Map<K, V>) => void, self?: unknown): void {
    this.readAll();
    super.forEach(fn, self);
  }
  override [Symbol.iterator](): MapIterator<[K, V]> {
    this.readAll();
    return super.entries();
  }
}

const PROXIES = new WeakSet<object>();

function isTracked(o: object): boolean {
  return PROXIES.has(o) || o instanceof TrackedMap || Object.hasOwn(o, VALS);
}

/**
 * A value stored into tracked state: arrays are proxied (once: the same array keeps one proxy)
 * and objects get their id and are queued for instrumentation at the end of the step.
 */
function track(v: unknown): unknown {
  if (typeof v !== 'object' || v === null || CUR === null) return v;
  return CUR.enter(v);
}

/** A lock's holders array entering the state. */
function trackHolders(v: unknown): unknown {
  if (!Array.isArray(v) || CUR === null) return track(v);
  return CUR.arrayProxy(v, true);
}

/** One search's instrumentation: object ids, Map key locations, the array proxies. */
export class Tracking {
  private nextOid = 1;
  private readonly keys = new Map<string, number>();
  private proxies = new WeakMap<object, unknown[]>();
  /** proxy → its array */
  private raw = new WeakMap<object, Arr>();
  private pending: object[] = [];
  /** the locks (objects of shape { holders, mode }) by id, and each of their locations */
  private locks = new Map<number, Tracked>();
  private lockAt = new Map<number, number>();

  /** Start a run: ids are handed out from the same first value, so a prefix gets the same ids. */
  begin(): void {
    this.nextOid = 1;
    this.proxies = new WeakMap();
    this.raw = new WeakMap();
    this.pending = [];
    this.locks = new Map();
    this.lockAt = new Map();
    STATE = new Zobrist();
    // the accessors reach the search under way through this module's state
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    CUR = this;
  }

  end(): void {
    this.adoptPending();
    if (CUR === this) CUR = null;
    REC = null;
  }

  /** The hash of the tracked state now, as two 32-bit halves. */
  stateHash(): [number, number] {
    return [STATE.a, STATE.b];
  }

  keyLoc(map: number, key: unknown): number {
    const id = `${map}|${typeof key === 'number' ? key : `s${String(key)}`}`;
    let l = this.keys.get(id);
    if (l === undefined) {
      // below zero: never an object field's location
      l = -(this.keys.size + 1);
      this.keys.set(id, l);
    }
    return l;
  }

  registerLock(o: Tracked): void {
    const id = o[OID];
    this.locks.set(id, o);
    const holders = o[VALS][0];
    const raw = typeof holders === 'object' && holders !== null ? this.raw.get(holders) : undefined;
    if (raw) raw[LOCK] = o;
    for (const l of this.lockLocs(o)) this.lockAt.set(l, id);
  }

  lockLocsOf(id: number): number[] {
    const o = this.locks.get(id);
    return o ? this.lockLocs(o) : [];
  }

  /** A lock's locations: its holders field, its holders (as a set) and its mode. */
  lockLocs(lock: object): number[] {
    const o = lock as Tracked;
    const holders = PROXY_IDS.get(o[VALS][0] as object) ?? 0;
    return [o[OID] * 64 + fieldIndex('holders'), holders * 64, o[OID] * 64 + fieldIndex('mode')];
  }

  /** The id of the lock a location belongs to, if it is one of a lock's. */
  lockOfLoc(loc: number): number | undefined {
    return this.lockAt.get(loc);
  }

  /** A lock's state (holders and mode), read without recording. */
  lockState(id: number): { n: number; mode: unknown } {
    const o = this.locks.get(id);
    if (!o) return { n: 0, mode: null };
    const holders = o[VALS][0] as object;
    return { n: this.raw.get(holders)?.length ?? 0, mode: o[VALS][1] };
  }

  /** Every lock's state now (the start of a parallel block). */
  allLockStates(): Map<number, { n: number; mode: unknown }> {
    const out = new Map<number, { n: number; mode: unknown }>();
    for (const id of this.locks.keys()) out.set(id, this.lockState(id));
    return out;
  }

  /** A value entering the state: its tracked form (arrays) or itself, queued (objects). */
  enter(v: object): unknown {
    if (Array.isArray(v)) return this.arrayProxy(v);
    if (!isTracked(v)) {
      const o = v as { [OID]?: number };
      if (o[OID] === undefined) {
        o[OID] = this.nextOid++;
        this.pending.push(v);
      }
    }
    return v;
  }

  arrayProxy(a: unknown[], holders = false): unknown[] {
    const had = this.proxies.get(a);
    if (had) return had;
    if (PROXIES.has(a)) return a;
    const t = a as Arr;
    t[OID] = this.nextOid++;
    for (let i = 0; i < t.length; i++) t[i] = track(t[i]);
    return this.proxied(t, holders);
  }

  private proxied(t: Arr, holders: boolean): unknown[] {
    const p = new Proxy(t, holders ? holdersHandler : arrayHandler);
    PROXIES.add(p);
    PROXY_IDS.set(p, t[OID]);
    this.proxies.set(t, p);
    this.raw.set(p, t);
    hashArray(t);
    return p;
  }

  /** Instrument, in place, the objects that became reachable during the step that just ran. */
  adoptPending(): void {
    while (this.pending.length > 0) {
      const batch = this.pending;
      this.pending = [];
      for (const o of batch) this.adopt(o);
    }
  }

  private adopt(o: object): void {
    if (isTracked(o)) return;
    const id = ((o as { [OID]?: number })[OID] ??= this.nextOid++);
    if (o instanceof Map) {
      Object.setPrototypeOf(o, TrackedMap.prototype);
      const m = o as TrackedMap<unknown, unknown>;
      m.entriesHash = new Zobrist();
      for (const [k, v] of Map.prototype.entries.call(m) as MapIterator<[unknown, unknown]>) {
        const x = track(v);
        Map.prototype.set.call(m, k, x);
        STATE.add(slot(id * 64, k), x);
        m.entriesHash.add(slot(id * 64, k), x);
      }
      return;
    }
    const rec = o as Record<string, unknown> & Tracked;
    const keys = Object.keys(rec).filter((k) => !UNTRACKED.has(k));
    const shape = shapeOf(keys);
    const vals = keys.map((k) => rec[k]);
    rec[VALS] = vals;
    Object.defineProperties(rec, shape.descriptors);
    for (let i = 0; i < vals.length; i++) {
      vals[i] = shape.lock && i === 0 ? trackHolders(vals[i]) : track(vals[i]);
      STATE.add(id * 64 + fieldIndex(keys[i]!), vals[i]);
    }
    if (shape.lock) this.registerLock(rec);
  }

  /**
   * A tracked deep copy of a model state (objects, arrays, Maps; primitives shared). Object ids
   * follow the copy's walk, which is the same for the same source.
   */
  clone<T extends object>(root: T): T {
    const memo = new Map<object, unknown>();
    const copy = (v: unknown, holders = false): unknown => {
      if (typeof v !== 'object' || v === null) return v;
      const hit = memo.get(v);
      if (hit !== undefined) return hit;
      if (Array.isArray(v)) {
        const a = new Array<unknown>(v.length) as Arr;
        if (DEBUG) DEBUG.set(this.nextOid, holders ? 'holders' : 'array');
        a[OID] = this.nextOid++;
        for (let i = 0; i < v.length; i++) a[i] = copy(v[i]);
        const p = this.proxied(a, holders);
        memo.set(v, p);
        return p;
      }
      if (v instanceof Map) {
        if (DEBUG) DEBUG.set(this.nextOid, 'map');
        const m = new TrackedMap<unknown, unknown>();
        const id = (m[OID] = this.nextOid++);
        m.entriesHash = new Zobrist();
        memo.set(v, m);
        for (const [k, x] of v as Map<unknown, unknown>) {
          const c = copy(x);
          Map.prototype.set.call(m, k, c);
          STATE.add(slot(id * 64, k), c);
          m.entriesHash.add(slot(id * 64, k), c);
        }
        return m;
      }
      const src = v as Record<string, unknown>;
      const all = Object.keys(src);
      if (DEBUG) DEBUG.set(this.nextOid, all.join(','));
      const keys = all.filter((k) => !UNTRACKED.has(k));
      const shape = shapeOf(keys);
      const vals = new Array<unknown>(keys.length);
      const id = this.nextOid++;
      const o = new shape.make(id, vals) as Tracked & Record<string, unknown>;
      memo.set(v, o);
      for (const k of all) if (UNTRACKED.has(k) && k !== 'idCache') o[k] = src[k];
      for (let i = 0; i < keys.length; i++) {
        vals[i] = copy(src[keys[i]!], shape.lock && i === 0);
        STATE.add(id * 64 + fieldIndex(keys[i]!), vals[i]);
      }
      if (shape.lock) this.registerLock(o);
      return o;
    };
    return copy(root) as T;
  }
}

let DEBUG: Map<number, string> | null = null;
/** For debugging a reduction: label the objects of later copies (their keys). */
export function debugLabels(on: boolean): void {
  DEBUG = on ? new Map() : null;
}

/** For debugging a reduction: a location in words (object id and field). */
export function describeLoc(loc: number): string {
  if (loc < 0) return `key#${-loc}`;
  const f = loc % 64;
  const name = [...FIELDS].find(([, i]) => i === f)?.[0] ?? (f === 0 ? '[]' : `f${f}`);
  const o = Math.floor(loc / 64);
  return `o${o}(${DEBUG?.get(o) ?? '?'}).${name}`;
}
