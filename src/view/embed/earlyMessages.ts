// Messages that reach the page before the app listens. The page's shell paints before the app is
// fetched (main.tsx), so a host that posts on its iframe's `load` event would otherwise post into
// nothing. The entry holds them here; the postMessage API (useEmbedApi) takes them when it starts
// listening and handles them in the order they came. Bounded: a host that floods the page before
// the app runs keeps only the first EARLY_MAX.
export const EARLY_MAX = 64;

let held: MessageEvent[] | null = null;

function hold(event: MessageEvent): void {
  if (held && held.length < EARLY_MAX) held.push(event);
}

/** Start holding (the entry, before it asks for the app). */
export function holdEarlyMessages(): void {
  if (held) return;
  held = [];
  window.addEventListener('message', hold);
}

/** The messages held so far, once: holding stops (the app's own listener takes over). */
export function takeEarlyMessages(): MessageEvent[] {
  const out = held ?? [];
  held = null;
  window.removeEventListener('message', hold);
  return out;
}
