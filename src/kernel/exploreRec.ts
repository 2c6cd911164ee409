// The state shared by explore's tracked copy (exploreTrack.ts, exploreTrackMap.ts,
// exploreTracking.ts): the footprint being recorded, the search under way, the state's hash.
import type { OID } from './exploreHash';
import { mix, valueHash, Zobrist } from './exploreHash';

/** Fields that are not model state: a cache of a VMA's id, and an insertion stamp nobody reads. */
export const UNTRACKED = new Set(['idCache', 'seq', 'nextSeq', 'flags', 'era']);

export const VALS: unique symbol = Symbol('vals');

export interface Tracked {
  [OID]: number;
  [VALS]: unknown[];
}

/** A lock taken, released (from reading or writing), or both in one step. */
export type LockOp = 'acq' | 'rel-r' | 'rel-w' | 'both';

/** What one micro-step read, wrote (with the last value written) and appended to. */
export interface Footprint {
  /** the CPU whose step it is (a lock's mode, read by one of its holders, cannot change) */
  cpu?: number;
  r: Set<number>;
  w: Map<number, unknown>;
  a: Set<number>;
  /** the locks it took or released (by lock id), and in which mode (see lockMeaning) */
  locks?: Map<number, LockOp>;
  /** the hash of the values it read, in order */
  obs: number;
  /** each lock it took or released, read ('r') or write ('w'): see lockMeaning */
  lk?: Map<number, 'r' | 'w'>;
}

export const newFootprint = (): Footprint => ({
  r: new Set(),
  w: new Map(),
  a: new Set(),
  obs: 0,
});

/** The value of a write that conflicts with every other write (an array changed in place). */
export const ANY: unique symbol = Symbol('any');

/** What the accessors reach: the search under way (set by Tracking.begin). */
export interface Search {
  enter(v: object): unknown;
  arrayProxy(a: unknown[], holders?: boolean): unknown[];
  keyLoc(map: number, key: unknown): number;
  registerLock(o: Tracked): void;
}

export const ctx: {
  /** the footprint of the step running, when recording */
  rec: Footprint | null;
  cur: Search | null;
  /** the hash of the tracked state of the run under way */
  state: Zobrist;
} = { rec: null, cur: null, state: new Zobrist() };

/** Start (or with null, stop) recording the accesses of the running step. */
export function recordInto(fp: Footprint | null): void {
  ctx.rec = fp;
}

/** A value's hash; a proxied array by its id (asking the proxy would be a recorded read). */
export const vh = (v: unknown): number => {
  if (typeof v === 'object' && v !== null) {
    const id = PROXY_IDS.get(v);
    if (id !== undefined) return id;
  }
  return valueHash(v);
};

/** A read of `loc` that returned v. */
export function see(r: Footprint, loc: number, v: unknown): void {
  r.r.add(loc);
  r.obs = mix(mix(r.obs, loc), vh(v));
}

/** A tracked location changed from `old` to `v`: the state's hash follows. */
export function changed(loc: number, old: unknown, v: unknown): void {
  ctx.state.remove(loc, old);
  ctx.state.add(loc, v);
}

export const FIELDS = new Map<string, number>();
export function fieldIndex(name: string): number {
  let f = FIELDS.get(name);
  if (f === undefined) {
    f = FIELDS.size + 1;
    if (f >= 64) throw new Error('explore: more than 63 distinct model fields');
    FIELDS.set(name, f);
  }
  return f;
}

export type Arr = unknown[] & { [OID]: number; [LOCK]?: Tracked };
export const LOCK: unique symbol = Symbol('lock');
export const PROXY_IDS = new WeakMap<object, number>();
export const PROXIES = new WeakSet<object>();

export function isTracked(o: object): boolean {
  // a TrackedMap is a Map whose prototype is TrackedMap's
  return (
    PROXIES.has(o) ||
    (o instanceof Map && Object.getPrototypeOf(o) !== Map.prototype) ||
    Object.hasOwn(o, VALS)
  );
}

/**
 * A value stored into tracked state: arrays are proxied (once: the same array keeps one proxy)
 * and objects get their id and are queued for instrumentation at the end of the step.
 */
export function track(v: unknown): unknown {
  if (typeof v !== 'object' || v === null || ctx.cur === null) return v;
  return ctx.cur.enter(v);
}

/** A lock's holders array entering the state. */
export function trackHolders(v: unknown): unknown {
  if (!Array.isArray(v) || ctx.cur === null) return track(v);
  return ctx.cur.arrayProxy(v, true);
}

export let DEBUG: Map<number, string> | null = null;
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
