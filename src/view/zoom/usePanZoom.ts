// Creates the pan/zoom instance for a pane once, in an effect on its ref (as xyflow's ZoomPane
// does), pushes size changes through update(), and destroys it on unmount. Transforms go straight
// to the layer's style and to the transform channel, never through React state.
import { useEffect, useMemo, useRef } from 'react';
import type { RefObject } from 'react';
import { cssTransform } from './constrain';
import type { Size } from './constrain';
import { createPanZoom } from './lazyPanZoom';
import type { PanZoom } from './lazyPanZoom';
import type { TransformChannel } from './transformChannel';

export interface PanZoomHandle {
  /** runs `f` on the instance as a user action: the view is then no longer re-fitted by itself */
  user: (f: (pz: PanZoom) => void) => void;
  /** back to the default view, which then follows size changes again */
  reset: () => void;
}

export function usePanZoom(
  paneRef: RefObject<HTMLElement | null>,
  layerRef: RefObject<HTMLElement | null>,
  channel: TransformChannel,
  content: Size,
  /** a new value (a new trace) brings back the default view, unless the user moved it */
  resetKey: unknown,
  /** the default view fits the whole content, however small the pane (an embed) */
  fitWhole = false,
  /** the smallest scale of the default view and Fit (the text floor) */
  minZoom = 1,
): PanZoomHandle {
  const instance = useRef<PanZoom | null>(null);
  // Until the user pans or zooms, the view follows the content and the pane's size.
  const userMoved = useRef(false);

  useEffect(() => {
    const pane = paneRef.current;
    if (!pane) return;
    const pz = createPanZoom({
      domNode: pane,
      // The real size arrives through update() in the next effect.
      content: { width: 0, height: 0 },
      fitWhole,
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
    });
    resized.observe(pane);
    return () => {
      resized.disconnect();
      pz.destroy();
      instance.current = null;
    };
  }, [paneRef, layerRef, channel, fitWhole]);

  // A size change only moves the limits: the view must not jump while scrubbing (the pointer view
  // changes size from step to step).
  useEffect(() => {
    instance.current?.update({ content });
  }, [content]);

  // A new text floor (lecture mode on or off) re-fits a view the user has not moved.
  useEffect(() => {
    const pz = instance.current;
    if (!pz) return;
    pz.update({ content, minZoom });
    if (!userMoved.current && content.width > 0) pz.reset();
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
  }, [resetKey, content]);

  // Stable callbacks: they read the refs only when called, from event handlers.
  return useMemo<PanZoomHandle>(
    () => ({
      user: (f) => {
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
}
