// A short checksum of a link's payload, so a link damaged in transit (a truncated paste, a mangled
// character) is caught before it opens the wrong thing. FNV-1a is enough: this guards against
// accidents, not against someone forging a link (a forged link can only open a scenario anyway).

/** 32-bit FNV-1a over the UTF-16 code units of `text`, as 6–7 base-36 digits. */
export function checksum(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}
