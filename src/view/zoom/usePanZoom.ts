// Creates the pan/zoom instance for a pane once, in an effect on its ref (as xyflow's ZoomPane
// does), pushes size changes through update(), and destroys it on unmount. Transforms go straight
// to the layer's style and to the transform channel, never through React state.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { RefObject } from 'react';
import { cssTransform } from './constrain';
import type { Size, Transform } from './constrain';
import { createPanZoom } from './lazyPanZoom';
import type { PanZoom } from './lazyPanZoom';
import type { Rect, SubjectItem } from './framing';
import type { TransformChannel } from './transformChannel';

export interface PanZoomHandle {
  /** runs `f` on the instance as a user action: the view is then no longer re-fitted by itself */
  user: (f: (pz: PanZoom) => void) => void;
  /** back to the default view, which then follows size changes and the step's changes again */
  reset: () => void;
  /** whether the default view shows the whole drawing (else "Whole forest" is worth offering) */
  fitsWhole: boolean;
}

export interface PanZoomOptions {
  paneRef: RefObject<HTMLElement | null>;
  layerRef: RefObject<HTMLElement | null>;
  channel: TransformChannel;
  content: Size;
  /** a new value (a new trace) brings back the default view, even after the user moved it */
  resetKey: unknown;
  /** a new value (a new step) brings what it changed into view, unless the user moved the view */
  focusKey: unknown;
  /** the smallest scale of the default view and Fit (the text floor) */
  minZoom: number;
  /**
   * what the camera frames at this step, most important first: CSS selectors of elements in the
   * layer (`opening`: the view opens, and may look back to the latest change still drawn)
   */
  subject?: ((opening: boolean) => readonly string[]) | undefined;
}

/**
 * The box around `els` in content pixels (`t` is the layer's transform), or null when none is
 * drawn.
 */
function boxOf(pane: HTMLElement, t: Transform, els: Iterable<Element>): Rect | null {
  const origin = pane.getBoundingClientRect();
  const ox = origin.left + pane.clientLeft + t.x;
  const oy = origin.top + pane.clientTop + t.y;
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const el of els) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    x0 = Math.min(x0, r.left);
    y0 = Math.min(y0, r.top);
    x1 = Math.max(x1, r.right);
    y1 = Math.max(y1, r.bottom);
  }
  if (x0 > x1) return null;
  return {
    x: (x0 - ox) / t.k,
    y: (y0 - oy) / t.k,
    width: (x1 - x0) / t.k,
    height: (y1 - y0) / t.k,
  };
}

/**
 * The subject's objects as the layer draws them, in the selectors' order, each once: its box,
 * and the box of its parts marked `data-core` (what must stay in view when the whole cannot).
 */
function measureSubject(
  pane: HTMLElement,
  layer: HTMLElement,
  t: Transform,
  selectors: readonly string[],
): SubjectItem[] {
  const seen = new Set<Element>();
  const items: SubjectItem[] = [];
  for (const selector of selectors) {
    for (const el of layer.querySelectorAll(selector)) {
      if (seen.has(el)) continue;
      seen.add(el);
      const box = boxOf(pane, t, [el]);
      if (!box) continue;
      const core = el.querySelectorAll('[data-core]');
      items.push({ box, core: core.length > 0 ? (boxOf(pane, t, core) ?? undefined) : undefined });
    }
  }
  return items;
}

export function usePanZoom({
  paneRef,
  layerRef,
  channel,
  content,
  resetKey,
  focusKey,
  minZoom,
  subject,
}: PanZoomOptions): PanZoomHandle {
  // read when the view is placed (in an effect), so the latest is kept after each render
  const subjectRef = useRef(subject);
  useLayoutEffect(() => {
    subjectRef.current = subject;
  });
  const instance = useRef<PanZoom | null>(null);
  // Until the user pans or zooms, the view follows the content, the pane's size and the steps.
  const userMoved = useRef(false);
  const [fitsWhole, setFitsWhole] = useState(true);
  // whether "Whole forest" is worth offering, after anything that can change the answer
  const measure = useCallback(() => {
    const pz = instance.current;
    if (pz) setFitsWhole(pz.fitsWhole());
  }, []);

  useEffect(() => {
    const pane = paneRef.current;
    if (!pane) return;
    const pz = createPanZoom({
      domNode: pane,
      // The real size arrives through update() in the next effect.
      content: { width: 0, height: 0 },
      subject: (t, opening) => {
        const layer = layerRef.current;
        const selectors = subjectRef.current?.(opening) ?? [];
        return layer ? measureSubject(pane, layer, t, selectors) : [];
      },
      onTransform: (t) => {
        const layer = layerRef.current;
        if (layer) {
          layer.style.transform = cssTransform(t);
          layer.dataset['zoom'] = t.k.toFixed(3);
        }
        channel.set(t);
      },
      // The layer gets its own compositor layer only while it moves: panning then costs no
      // repaint, and at rest the graph is rasterised sharp at the new scale.
      onGesture: (active, byUser) => {
        if (byUser) userMoved.current = true;
        layerRef.current?.classList.toggle('is-moving', active);
      },
    });
    instance.current = pz;
    const resized = new ResizeObserver(() => {
      if (!userMoved.current) pz.reset();
      measure();
    });
    resized.observe(pane);
    // A drawing that arrives after the view was placed (a lazily loaded view's first render) has
    // its subject measured only then: the view is placed again when the layer stops being empty.
    const layer = layerRef.current;
    let empty = !layer || (layer.offsetWidth === 0 && layer.offsetHeight === 0);
    const arrived = new ResizeObserver(([entry]) => {
      const now = !entry || (entry.contentRect.width === 0 && entry.contentRect.height === 0);
      if (empty && !now && !userMoved.current) pz.reset();
      empty = now;
    });
    if (layer) arrived.observe(layer);
    return () => {
      arrived.disconnect();
      resized.disconnect();
      pz.destroy();
      instance.current = null;
    };
  }, [paneRef, layerRef, channel, measure]);

  // A size change only moves the limits: the view must not jump while scrubbing (the pointer view
  // changes size from step to step).
  useEffect(() => {
    instance.current?.update({ content });
    measure();
  }, [content, measure]);

  // A new text floor (lecture mode on or off) re-fits a view the user has not moved.
  useEffect(() => {
    const pz = instance.current;
    if (!pz) return;
    pz.update({ content, minZoom });
    if (!userMoved.current && content.width > 0) pz.reset();
    measure();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- content changes are the effect above
  }, [minZoom]);

  // The first content, and each new trace, opens at the default view (a new trace: even after the
  // user moved it, since the old view belongs to another forest).
  const lastKey = useRef<unknown>(Symbol('none'));
  useEffect(() => {
    const pz = instance.current;
    if (!pz || content.width === 0) return;
    if (lastKey.current === resetKey) return;
    lastKey.current = resetKey;
    userMoved.current = false;
    pz.reset();
    measure();
  }, [resetKey, content, measure]);

  // A new step: its subject comes into view when the drawing is panned at the text floor (before
  // paint, so the step and the move show in one frame). A view the user moved stays.
  useLayoutEffect(() => {
    if (!userMoved.current) instance.current?.follow();
  }, [focusKey]);

  // Stable callbacks: they read the refs only when called, from event handlers.
  const handle = useMemo(
    () => ({
      user: (f: (pz: PanZoom) => void) => {
        if (!instance.current) return;
        userMoved.current = true;
        f(instance.current);
      },
      reset: () => {
        userMoved.current = false;
        instance.current?.reset();
      },
    }),
    [],
  );
  return useMemo(() => ({ ...handle, fitsWhole }), [handle, fitsWhole]);
}
