// explore's tracked Maps (the process table, page tables, KSM references): each key is a location
// of its own and the key set another; page tables also answer "which entries map this page".
import { mix, OID, slot, valueHash, type Zobrist } from './exploreHash';
import { ctx, see, track, type Footprint } from './exploreRec';

/** A Map whose keys are locations and whose set of keys another (see the header). */
export class TrackedMap<K, V> extends Map<K, V> {
  declare [OID]: number;
  /** the hash of its entries (a walk over it observes that) */
  declare entriesHash: Zobrist;
  private loc(key: K): number {
    return ctx.cur ? ctx.cur.keyLoc(this[OID], key) : 0;
  }
  private slot(key: K): number {
    return slot(this[OID] * 64, key);
  }
  private readAll(): void {
    const r = ctx.rec;
    if (r !== null) see(r, this[OID] * 64, this.entriesHash.key());
  }
  override get(key: K): V | undefined {
    const v = super.get(key);
    const r = ctx.rec;
    if (r !== null) see(r, this.loc(key), v);
    return v;
  }
  override has(key: K): boolean {
    const yes = super.has(key);
    const r = ctx.rec;
    if (r !== null) see(r, this.loc(key), yes);
    return yes;
  }
  override set(key: K, value: V): this {
    const r = ctx.rec;
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
      ctx.state.remove(s, old);
      this.entriesHash.remove(s, old);
    }
    ctx.state.add(s, v);
    this.entriesHash.add(s, v);
    return super.set(key, v);
  }
  override delete(key: K): boolean {
    if (!super.has(key)) return super.delete(key);
    const old = super.get(key);
    const r = ctx.rec;
    if (r !== null) {
      r.w.set(this.loc(key), undefined);
      r.a.add(this[OID] * 64);
      this.remap(r, old);
    }
    const s = this.slot(key);
    ctx.state.remove(s, old);
    this.entriesHash.remove(s, old);
    return super.delete(key);
  }
  override clear(): void {
    for (const k of [...super.keys()]) this.delete(k);
  }
  /** A page-table entry added or removed changes its page's mappings (see entriesOf). */
  private remap(r: Footprint, v: unknown): void {
    ctx.rec = null;
    const pfn = (v as { page?: { pfn?: unknown } } | undefined)?.page?.pfn;
    ctx.rec = r;
    if (typeof pfn === 'number') r.a.add(this.pageLoc(pfn));
  }
  private pageLoc(pfn: number): number {
    return ctx.cur ? ctx.cur.keyLoc(this[OID], `page ${pfn}`) : 0;
  }
  /** The entries whose value refers to `page`: a read of that page's mappings only. */
  entriesOf(page: { pfn: number }): [K, V][] {
    const r = ctx.rec;
    ctx.rec = null;
    const pfn = page.pfn;
    const out: [K, V][] = [];
    // the entries' values are new objects per change, so their identities tell what changed
    let h = 0;
    for (const [k, v] of super.entries())
      if ((v as { page?: unknown }).page === page) {
        out.push([k, v]);
        h = mix(mix(h, valueHash(k)), valueHash(v));
      }
    ctx.rec = r;
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
