// Creates the pan/zoom instance for a pane once, in an effect on its ref (as xyflow's ZoomPane
// does), pushes size changes through update(), and destroys it on unmount. Transforms go straight
// to the layer's style and to the transform channel, never through React state.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { RefObject } from 'react';
import { cssTransform } from './constrain';
import type { Size, Transform } from './constrain';
import { createPanZoom } from './lazyPanZoom';
import type { PanZoom } from './lazyPanZoom';
import type { Rect } from './focus';
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
  /** the default view fits the whole content, however small the pane (an embed) */
  fitWhole: boolean;
  /** the smallest scale of the default view and Fit (the text floor) */
  minZoom: number;
  /**
   * the ids (`data-id`) each step changed, from the cursor back: a panned view opens on the latest
   * change still drawn when the current step changed nothing drawn
   */
  lastChanged?: (() => Iterable<readonly string[]>) | undefined;
}

/** What the current step changed or visits: where a panned view looks. */
const FOCUS = '[data-changed="true"], [data-visiting]';
/** The elements of the ids `ids` (CSS attribute selectors). */
const byIds = (ids: readonly string[]) =>
  ids.map((id) => `[data-id="${CSS.escape(id)}"]`).join(', ');

/** The box around the elements `selector` finds in the layer, in content pixels. */
function focusRect(
  pane: HTMLElement,
  layer: HTMLElement,
  t: Transform,
  selector: string,
): Rect | null {
  const marked = layer.querySelectorAll(selector);
  if (marked.length === 0) return null;
  const origin = pane.getBoundingClientRect();
  const ox = origin.left + pane.clientLeft + t.x;
  const oy = origin.top + pane.clientTop + t.y;
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const el of marked) {
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

export function usePanZoom({
  paneRef,
  layerRef,
  channel,
  content,
  resetKey,
  focusKey,
  fitWhole,
  minZoom,
  lastChanged,
}: PanZoomOptions): PanZoomHandle {
  // read when a view opens (in an effect), so the latest is kept after each render
  const lastChangedRef = useRef(lastChanged);
  useLayoutEffect(() => {
    lastChangedRef.current = lastChanged;
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
      fitWhole,
      focus: (t, opening) => {
        const layer = layerRef.current;
        if (!layer) return null;
        const changed = focusRect(pane, layer, t, FOCUS);
        if (changed || !opening) return changed;
        for (const ids of lastChangedRef.current?.() ?? []) {
          const drawn = ids.length > 0 ? focusRect(pane, layer, t, byIds(ids)) : null;
          if (drawn) return drawn;
        }
        return null;
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
    return () => {
      resized.disconnect();
      pz.destroy();
      instance.current = null;
    };
  }, [paneRef, layerRef, channel, fitWhole, measure]);

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

  // A new step: what it changed comes into view when the drawing is panned at the text floor
  // (before paint, so the step and the move show in one frame). A view the user moved stays.
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
