// When the boxes below the first screen may load: after the page has painted once, one box per
// task, so neither the first paint nor the page's first seconds wait on them (each box's render
// is a transition: React yields to the page between its pieces). Boxes are numbered by `turn`.
import { startTransition, useSyncExternalStore } from 'react';

/** Boxes whose turn has come: 0 before the first paint, then one more per task. */
let turn = 0;
const listeners = new Set<() => void>();
let started = false;
/** The last turn any box waits for (the ticks stop there). */
const LAST_TURN = 8;

function tick(): void {
  startTransition(() => {
    turn += 1;
    for (const l of listeners) l();
  });
  if (turn < LAST_TURN) window.setTimeout(tick, 0);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!started && typeof window !== 'undefined') {
    started = true;
    // after the first frame, on the task after it (the frame's paint is done by then)
    if (typeof requestAnimationFrame === 'function')
      requestAnimationFrame(() => window.setTimeout(tick, 0));
    else window.setTimeout(tick, 0);
  }
  return () => listeners.delete(listener);
}

/** Whether the box of turn `n` (1, 2, …) may load (always false outside a browser). */
export function usePainted(n = 1): boolean {
  return useSyncExternalStore(
    subscribe,
    () => turn >= n,
    () => false,
  );
}
