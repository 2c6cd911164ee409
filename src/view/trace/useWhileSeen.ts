// A box the reader cannot see (the metrics below the stage, the code panel at the foot of the
// dock) need not follow every step of a scrub: each step it follows is a render, a layout and a
// paint of the box, in the frame the graph needs. Out of view, such a box takes the value once the
// steps stop coming; in view (or near it), every step, as before.
import { startTransition, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';

import { SETTLE_MS } from './pace';
/** How far around the viewport a box counts as seen (it renders live before it scrolls in). */
const NEAR = '25% 0px 25% 0px';

/**
 * `value` while the element `ref` is put on is in (or near) the viewport; else the value it had
 * when it left, until `value` has stayed still for SETTLE_MS. Live where IntersectionObserver is
 * missing (tests in jsdom).
 */
export function useWhileSeen<T>(value: T): {
  value: T;
  ref: (el: Element | null) => (() => void) | undefined;
} {
  const [seen, setSeen] = useState(true);
  const [settled, setSettled] = useState(value);
  // the latest value, for the moment the box leaves the view (read in the observer's callback)
  const latest = useRef(value);
  useLayoutEffect(() => {
    latest.current = value;
  });
  useEffect(() => {
    if (seen || Object.is(settled, value)) return;
    const timer = window.setTimeout(() => startTransition(() => setSettled(value)), SETTLE_MS);
    return () => window.clearTimeout(timer);
  }, [seen, settled, value]);
  const ref = useCallback((el: Element | null) => {
    if (!el || typeof IntersectionObserver === 'undefined') return undefined;
    const observer = new IntersectionObserver(
      (entries) => {
        const entry = entries.at(-1);
        if (!entry) return;
        if (!entry.isIntersecting) setSettled(latest.current);
        setSeen(entry.isIntersecting);
      },
      { rootMargin: NEAR },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return { value: seen ? value : settled, ref };
}
