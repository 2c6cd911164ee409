// Hashes for explore's tracked state (exploreTrack.ts): of a value, and of a (location, value)
// pair. The state's hash is the sum of the pairs' hashes over every tracked location (Zobrist
// hashing), so a write updates it in constant time; two independent halves make a 53-bit key.

/** An object's tracking id (its identity in hashes and locations). */
export const OID: unique symbol = Symbol('oid');

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Combine a hash with one more number. */
export function mix(h: number, x: number): number {
  return fmix((Math.imul(h ^ x, 0x9e3779b1) + 0x7f4a7c15) | 0);
}

function stringHash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** A value's hash: numbers, strings and flags by value, objects by identity. */
export function valueHash(v: unknown): number {
  switch (typeof v) {
    case 'number':
      return Number.isInteger(v) && Math.abs(v) < 2 ** 31 ? fmix(v | 0) : stringHash(`n${v}`);
    case 'string':
      return stringHash(v);
    case 'boolean':
      return v ? 0x51ed27 : 0x2b7e15;
    case 'undefined':
      return 0x3c6ef3;
    case 'object':
      return v === null ? 0x1b873593 : ((v as { [OID]?: number })[OID] ?? 0x7a2d) >>> 0;
    default:
      return 0x6a09e6;
  }
}

/** A key of a Map or an array index, folded into its container's location. */
export const slot = (base: number, key: unknown): number => mix(base, valueHash(key));

/** The two halves of a (location, value) pair's hash. */
export const termA = (loc: number, vh: number): number => mix(mix(0x243f6a88, loc), vh);
export const termB = (loc: number, vh: number): number => mix(mix(0x13198a2e, vh), loc);

/** A running sum of pair hashes (a state's, or a Map's entries'). */
export class Zobrist {
  a = 0;
  b = 0;
  add(loc: number, v: unknown): void {
    const vh = valueHash(v);
    this.a = (this.a + termA(loc, vh)) >>> 0;
    this.b = (this.b + termB(loc, vh)) >>> 0;
  }
  remove(loc: number, v: unknown): void {
    const vh = valueHash(v);
    this.a = (this.a - termA(loc, vh)) >>> 0;
    this.b = (this.b - termB(loc, vh)) >>> 0;
  }
  /** 53 bits of both halves */
  key(): number {
    return this.a * 2097152 + (this.b & 2097151);
  }
}
