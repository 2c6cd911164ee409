// When the boxes below the first screen may load: once the browser has painted the page's first
// content, one box per task, so neither the first paint nor the page's first seconds wait on
// them (each box's render is a transition: React yields to the page between its pieces). Boxes
// are numbered by `turn`.
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

/** A page that never paints (a background tab) still gets its boxes after this long. */
const AT_THE_LATEST_MS = 3000;

/** Calls `then` once the browser reports the first contentful paint (or a frame, without it). */
function afterFirstPaint(then: () => void): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    window.setTimeout(then, 0);
  };
  window.setTimeout(once, AT_THE_LATEST_MS);
  const types =
    typeof PerformanceObserver === 'undefined' ? [] : PerformanceObserver.supportedEntryTypes;
  if (!types.includes('paint')) {
    requestAnimationFrame(once);
    return;
  }
  const painted = () => performance.getEntriesByName('first-contentful-paint').length > 0;
  if (painted()) return once();
  const observer = new PerformanceObserver(() => {
    if (!painted()) return;
    observer.disconnect();
    once();
  });
  observer.observe({ type: 'paint', buffered: true });
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!started && typeof window !== 'undefined') {
    started = true;
    afterFirstPaint(tick);
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
