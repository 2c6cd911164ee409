// The width of an element, kept up to date by a ResizeObserver.
import { useEffect, useState } from 'react';
import type { RefObject } from 'react';

export function useWidth(ref: RefObject<HTMLElement | null>, initial = 0): number {
  const [width, setWidth] = useState(initial);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    // The observer reports the first width itself, once the frame is laid out: read here, in the
    // mount's effect, it would force the page's layout into the task that commits it.
    if (typeof ResizeObserver === 'undefined') {
      setWidth(el.getBoundingClientRect().width);
      return;
    }
    const observer = new ResizeObserver((entries) => {
      const w = entries[0]?.contentRect.width;
      if (w !== undefined) setWidth(w);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
