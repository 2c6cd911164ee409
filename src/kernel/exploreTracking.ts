// One search's instrumentation (see exploreTrack.ts): object ids, Map key locations, array
// proxies, the locks and their states, the tracked copy of a state, and objects adopted as
// they become reachable.
import { OID, slot, Zobrist } from './exploreHash';
import {
  ctx,
  DEBUG,
  fieldIndex,
  isTracked,
  LOCK,
  PROXIES,
  PROXY_IDS,
  track,
  trackHolders,
  UNTRACKED,
  VALS,
  type Arr,
  type Search,
  type Tracked,
} from './exploreRec';
import { arrayHandler, hashArray, holdersHandler, shapeOf } from './exploreTrack';
import { TrackedMap } from './exploreTrackMap';

/**
 * The kernel's lock order (mm/rmap.c): mmap_lock, then a VMA's lock, the page lock, the
 * anon_vma lock. A 'lock' field is an anon_vma's unless its object has a pfn (a page's).
 */
const LOCK_FIELDS: Record<string, number> = { mmapSem: 0, vmLock: 1, lock: 3 };
const PAGE_RANK = 2;

/** For debugging a reduction: an object or array is named by the field it was first found in. */
function labelField(labels: Map<number, string>, v: unknown, key: string): void {
  if (typeof v !== 'object' || v === null) return;
  const id = PROXY_IDS.get(v) ?? (v as { [OID]?: number })[OID];
  if (id !== undefined && !labels.get(id)?.includes('.'))
    labels.set(id, `${key}.${labels.get(id) ?? ''}`);
}

/** One search's instrumentation: object ids, Map key locations, the array proxies. */
export class Tracking implements Search {
  private nextOid = 1;
  private readonly keys = new Map<string, number>();
  private proxies = new WeakMap<object, unknown[]>();
  /** proxy → its array */
  private raw = new WeakMap<object, Arr>();
  private pending: object[] = [];
  /** the locks (objects of shape { holders, mode }) by id, and each of their locations */
  private locks = new Map<number, Tracked>();
  private lockAt = new Map<number, number>();
  /** each lock's place in the kernel's lock order (see rankOf), by id */
  private ranks = new Map<number, number>();

  /** Start a run: ids are handed out from the same first value, so a prefix gets the same ids. */
  begin(): void {
    this.nextOid = 1;
    this.proxies = new WeakMap();
    this.raw = new WeakMap();
    this.pending = [];
    this.locks = new Map();
    this.lockAt = new Map();
    this.ranks = new Map();
    ctx.state = new Zobrist();
    // the accessors reach the search under way through the shared context
    ctx.cur = this;
  }

  end(): void {
    this.adoptPending();
    if (ctx.cur === this) ctx.cur = null;
    ctx.rec = null;
  }

  /** The hash of the tracked state now, as two 32-bit halves. */
  stateHash(): [number, number] {
    return [ctx.state.a, ctx.state.b];
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

  /** A lock's place in the lock order (mmap_lock, per-VMA lock, page lock, anon_vma lock). */
  rankOf(id: number): number | undefined {
    return this.ranks.get(id);
  }

  /** Note the rank of the lock held in field `key` of an object with these keys. */
  private rankField(key: string, keys: string[], v: unknown): void {
    const r = LOCK_FIELDS[key];
    const id = (v as { [OID]?: number } | null)?.[OID];
    if (r === undefined || id === undefined) return;
    this.ranks.set(id, key === 'lock' && keys.includes('pfn') ? PAGE_RANK : r);
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
        ctx.state.add(slot(id * 64, k), x);
        m.entriesHash.add(slot(id * 64, k), x);
      }
      return;
    }
    const rec = o as Record<string, unknown> & Tracked;
    const keys = Object.keys(rec).filter((k) => !UNTRACKED.has(k));
    const shape = shapeOf(keys);
    const vals = keys.map((k) => rec[k]);
    if (DEBUG) DEBUG.set(id, `new:${keys.join(',')}`);
    rec[VALS] = vals;
    Object.defineProperties(rec, shape.descriptors);
    for (let i = 0; i < vals.length; i++) {
      vals[i] = shape.lock && i === 0 ? trackHolders(vals[i]) : track(vals[i]);
      ctx.state.add(id * 64 + fieldIndex(keys[i]!), vals[i]);
      this.rankField(keys[i]!, keys, vals[i]);
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
          ctx.state.add(slot(id * 64, k), c);
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
        if (DEBUG) labelField(DEBUG, vals[i], keys[i]!);
        ctx.state.add(id * 64 + fieldIndex(keys[i]!), vals[i]);
        this.rankField(keys[i]!, keys, vals[i]);
      }
      if (shape.lock) this.registerLock(o);
      return o;
    };
    return copy(root) as T;
  }
}
