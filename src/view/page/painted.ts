// When the boxes below the first screen mount (the code panel, explore, the builder, the
// metrics). Each one's first render costs the main thread tens of milliseconds (more on a slow
// phone): the metrics replay the scenario under every era, the builder replays it to its end, the
// code panel lays out its listings. None of it may delay the first paint or keep the page busy
// just after it, when the reader starts to play. So a box mounts once the page has painted its
// first content and either
// - the box comes near the viewport (the reader scrolls the dock or the page to it), or
// - its turn comes: after the page has been quiet for a while, or at the reader's first key,
//   click or wheel, the boxes mount one per idle period, in the order of their `turn`.
import { startTransition, useCallback, useState, useSyncExternalStore } from 'react';

/** 0: no first paint yet; 1: painted; 1 + k: the boxes of turns 1..k may mount. */
let stage = 0;
const listeners = new Set<() => void>();
let started = false;
/** The reader pressed a key, clicked or scrolled with the wheel: the boxes mount without waiting. */
let asked = false;
/** The last turn any box waits for (the releases stop there). */
const LAST_TURN = 4;
/** After the first paint, how long the page waits before mounting unseen boxes. */
const QUIET_MS = 3000;
/** A page that never paints (a background tab) counts as painted after this long. */
const AT_THE_LATEST_MS = 3000;
/** How far below (and around) the viewport a box starts to mount, as a share of the viewport. */
const NEAR = '25% 0px 25% 0px';
const INPUTS = ['keydown', 'pointerdown', 'wheel', 'touchstart'] as const;

function advance(to: number): void {
  if (to <= stage) return;
  startTransition(() => {
    stage = to;
    for (const l of listeners) l();
  });
}

/** The next box's turn in the next idle period (a task of its own: the page may run between). */
let releasing = false;
function release(): void {
  if (releasing) return;
  releasing = true;
  const next = () => {
    advance(stage + 1);
    if (stage < 1 + LAST_TURN) whenIdle(next);
  };
  whenIdle(next);
}

function whenIdle(then: () => void): void {
  if (typeof window.requestIdleCallback === 'function')
    window.requestIdleCallback(then, { timeout: 1000 });
  else window.setTimeout(then, 0);
}

function onInput(): void {
  for (const type of INPUTS) window.removeEventListener(type, onInput, true);
  asked = true;
  if (stage >= 1) release();
}

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

function start(): void {
  started = true;
  for (const type of INPUTS) window.addEventListener(type, onInput, { capture: true, passive: true });
  afterFirstPaint(() => {
    advance(1);
    if (asked) release();
    else window.setTimeout(release, QUIET_MS);
  });
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!started && typeof window !== 'undefined') start();
  return () => listeners.delete(listener);
}

const getStage = () => stage;
const serverStage = () => 0;

/**
 * Whether the box of turn `turn` (1, 2, …) may mount, and the ref to put on its placeholder (the
 * box mounts as soon as the placeholder comes near the viewport after the first paint). Always
 * false outside a browser.
 */
export function useDeferredBox(turn: number): {
  ready: boolean;
  ref: (el: Element | null) => (() => void) | undefined;
} {
  const now = useSyncExternalStore(subscribe, getStage, serverStage);
  const [near, setNear] = useState(false);
  const ref = useCallback((el: Element | null) => {
    if (!el || typeof IntersectionObserver === 'undefined') return undefined;
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        observer.disconnect();
        startTransition(() => setNear(true));
      },
      { rootMargin: NEAR },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return { ready: now >= 1 + turn || (now >= 1 && near), ref };
}
