// When the boxes below the first screen mount (the code panel, explore, the builder, the
// metrics). Each one's first render costs the main thread tens of milliseconds (more on a slow
// phone): the metrics replay the scenario under every era, the builder replays it to its end, the
// code panel lays out its listings. None of it may delay the first paint or keep the page busy
// just after it, when the reader starts to play. So a box mounts once the page has painted its
// first content and either
// - the box comes near the viewport (the reader scrolls the dock or the page to it), or
// - its turn comes: once the page has run no long task for a while after the paint (or at the
//   reader's first key, click or wheel), the boxes mount one per idle period, in the order of
//   their `turn`. The page's first seconds stay free for the reader, and the unseen boxes' cost
//   comes when nothing else waits for the main thread.
import { startTransition, useCallback, useEffect, useState } from 'react';

/** The boxes of turns 1..turn may mount. */
let turn = 0;
/** The first contentful paint has happened; until then, boxes that came near wait in `near`. */
let painted = false;
const near = new Set<() => void>();
const listeners = new Set<() => void>();
let started = false;
/** The reader pressed a key, clicked or scrolled with the wheel: the boxes mount without waiting. */
let asked = false;
/** The last turn any box waits for (the releases stop there). */
const LAST_TURN = 4;
/**
 * How long the page must have been quiet (painted, no long task, no fetch ending) before unseen
 * boxes mount.
 */
const QUIET_MS = 3000;
/** Unseen boxes mount at the latest this long after the first paint, however busy the page. */
const MAX_WAIT_MS = 10_000;
/** When the last long task or fetch the browser reported ended (ms since the time origin). */
let busyUntil = 0;
/** A page that never paints (a background tab) counts as painted after this long. */
const AT_THE_LATEST_MS = 3000;
/** How far below (and around) the viewport a box starts to mount, as a share of the viewport. */
const NEAR = '25% 0px 25% 0px';
const INPUTS = ['keydown', 'pointerdown', 'wheel', 'touchstart'] as const;

function advance(): void {
  startTransition(() => {
    turn += 1;
    for (const l of listeners) l();
  });
}

/** The next box's turn in the next idle period (a task of its own: the page may run between). */
let releasing = false;
function release(): void {
  if (releasing) return;
  releasing = true;
  const next = () => {
    advance();
    if (turn < LAST_TURN) whenIdle(next);
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
  if (painted) release();
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
  // index.html's shell paints the page's first content before the app starts: the app's own
  // first paint is then the frame after the one this render is committed in
  if (painted()) {
    requestAnimationFrame(once);
    return;
  }
  const observer = new PerformanceObserver(() => {
    if (!painted()) return;
    observer.disconnect();
    once();
  });
  observer.observe({ type: 'paint', buffered: true });
}

/** Calls `then` once the page has been quiet for QUIET_MS (or MAX_WAIT_MS have passed). */
function whenQuiet(then: () => void): void {
  const types =
    typeof PerformanceObserver === 'undefined' ? [] : PerformanceObserver.supportedEntryTypes;
  const observers = (['longtask', 'resource'] as const)
    .filter((type) => types.includes(type))
    .map((type) => {
      const observer = new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          const end =
            e instanceof PerformanceResourceTiming ? e.responseEnd : e.startTime + e.duration;
          busyUntil = Math.max(busyUntil, end);
        }
      });
      observer.observe({ type, buffered: true });
      return observer;
    });
  const since = performance.now();
  busyUntil = Math.max(busyUntil, since);
  const check = () => {
    const now = performance.now();
    const wait = Math.min(busyUntil + QUIET_MS, since + MAX_WAIT_MS) - now;
    if (wait > 0 && !asked) {
      window.setTimeout(check, wait);
      return;
    }
    for (const observer of observers) observer.disconnect();
    then();
  };
  window.setTimeout(check, QUIET_MS);
}

function start(): void {
  started = true;
  for (const type of INPUTS)
    window.addEventListener(type, onInput, { capture: true, passive: true });
  afterFirstPaint(() => {
    painted = true;
    for (const mount of near) mount();
    near.clear();
    if (asked) release();
    else whenQuiet(release);
  });
}

// The parts of the first screen that need not be in its first picture (the dock's step log, its
// legend and tools) mount in steps after the app's first paint, each step a transition of its own
// that is committed and painted before the next is released: the page's first commit, and the
// layout that follows it, hold the header, the playback bar, the graph and the step's text only,
// and no start-up task grows with the whole page. A step's parts appear below what is already
// shown (the dock's foot), so nothing on screen moves when they do.

/** The steps 1..step have been released. */
let step = 0;
/** The last step any part waits for. */
const LAST_STEP = 2;
/** A step whose parts never report their commit (none is rendered) is left after this long. */
const STEP_AT_THE_LATEST_MS = 300;
const stepListeners = new Set<() => void>();
let stepping = false;
/** The step whose commit has been reported (its successor is on its way). */
let reported = 0;

function nextStep(): void {
  if (step >= LAST_STEP) return;
  const mine = step + 1;
  startTransition(() => {
    step = mine;
    for (const l of stepListeners) l();
  });
  window.setTimeout(() => stepCommitted(mine), STEP_AT_THE_LATEST_MS);
}

/** A part of step `n` has been committed: the next step once that commit is painted. */
function stepCommitted(n: number): void {
  if (n !== step || reported >= n) return;
  reported = n;
  requestAnimationFrame(() => window.setTimeout(nextStep, 0));
}

function subscribeSteps(listener: () => void): () => void {
  stepListeners.add(listener);
  if (!stepping && typeof window !== 'undefined') {
    stepping = true;
    afterFirstPaint(nextStep);
  }
  return () => stepListeners.delete(listener);
}

const getStep = () => step;

/** Every step of the first screen at once: for a page drawn without a first paint to wait for
 * (a static render in the tests). */
export function releaseFirstScreen(): void {
  step = LAST_STEP;
  for (const l of stepListeners) l();
}

/**
 * The counter `current` as a component's state, updated by `listen`'s calls. Not
 * useSyncExternalStore: React renders a change of an external store at once and in one piece,
 * even inside a transition; a state set in `startTransition` renders in slices, as a transition.
 */
function useReleased(listen: (l: () => void) => () => void, current: () => number): number {
  const [now, setNow] = useState(current);
  useEffect(() => {
    const update = () => setNow(current());
    const stop = listen(update);
    // a release between the render and this effect
    update();
    return stop;
  }, [listen, current]);
  return now;
}

/** Whether the parts of step `myStep` (1, 2) of the first screen may mount; false outside a
 * browser. */
export function useAfterFirstPaint(myStep: number): boolean {
  const now = useReleased(subscribeSteps, getStep);
  const ready = now >= myStep;
  useEffect(() => {
    if (ready) stepCommitted(myStep);
  }, [ready, myStep]);
  return ready;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!started && typeof window !== 'undefined') start();
  return () => listeners.delete(listener);
}

const getTurn = () => turn;

/**
 * Whether the box of turn `turn` (1, 2, …) may mount, and the ref to put on its placeholder (the
 * box mounts as soon as the placeholder comes near the viewport after the first paint). Always
 * false outside a browser.
 */
export function useDeferredBox(myTurn: number): {
  ready: boolean;
  ref: (el: Element | null) => (() => void) | undefined;
} {
  const now = useReleased(subscribe, getTurn);
  const [seen, setSeen] = useState(false);
  const ref = useCallback((el: Element | null) => {
    if (!el || typeof IntersectionObserver === 'undefined') return undefined;
    const mount = () => startTransition(() => setSeen(true));
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        observer.disconnect();
        if (painted) mount();
        else near.add(mount);
      },
      { rootMargin: NEAR },
    );
    observer.observe(el);
    return () => {
      observer.disconnect();
      near.delete(mount);
    };
  }, []);
  return { ready: now >= myTurn || seen, ref };
}
