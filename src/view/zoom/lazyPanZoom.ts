// createPanZoom with D3 in a chunk of its own: d3-zoom and what it pulls in (selection,
// transition, drag, interpolate, color, timer, ease) is about 13 kB gzipped that the first paint
// does not need, since the graph opens at its default view and only moves when the reader pans
// or zooms. Until the chunk arrives (a few milliseconds after the page's first render), the
// placing calls (reset, fit, 1:1, setTransform) compute the same transform with the pure
// functions of constrain.ts and report it as D3 would; the moving calls (zoomBy, panBy) wait for
// D3 and then run in order. The D3 instance then takes over from the transform on screen.
import { IDENTITY } from './constrain';
import type { Size, Transform } from './constrain';
import type { PanZoom, PanZoomOptions } from './createPanZoom';
import { placements } from './placements';

export type { PanZoom, PanZoomOptions } from './createPanZoom';

export function createPanZoom(options: PanZoomOptions): PanZoom {
  const { domNode, onTransform, onGesture, subject = () => [] } = options;
  let contentSize = options.content;
  let floor = options.minZoom ?? 1;
  let shown: Transform = IDENTITY;
  let real: PanZoom | null = null;
  let destroyed = false;
  const waiting: ((pz: PanZoom) => void)[] = [];

  const viewport = (): Size => ({ width: domNode.clientWidth, height: domNode.clientHeight });
  // as createPanZoom's setTransform: a programmatic gesture, no constraint applied
  const show = (t: Transform) => {
    shown = { x: t.x, y: t.y, k: t.k };
    onGesture?.(true, false);
    onTransform(shown);
    onGesture?.(false, false);
  };
  const place = placements({
    content: () => contentSize,
    viewport,
    floor: () => floor,
    subject,
    current: () => shown,
  });
  const later = (f: (pz: PanZoom) => void) => {
    if (real) f(real);
    else waiting.push(f);
  };

  void import('./createPanZoom').then(({ createPanZoom: create }) => {
    if (destroyed) return;
    const pz = create({ ...options, content: contentSize, minZoom: floor });
    pz.setTransform(shown);
    real = pz;
    for (const f of waiting.splice(0)) f(pz);
  });

  return {
    update: (next) => {
      contentSize = next.content;
      if (next.minZoom !== undefined) floor = next.minZoom;
      real?.update(next);
    },
    reset: () => (real ? real.reset() : show(place.fitted())),
    actualSize: () => (real ? real.actualSize() : show(IDENTITY)),
    fit: () => (real ? real.fit() : show(place.fitted())),
    whole: () => (real ? real.whole() : show(place.whole())),
    follow: () => {
      if (real) return real.follow();
      const next = place.followed();
      if (next) show(next);
    },
    fitsWhole: () => (real ? real.fitsWhole() : place.fitsWhole()),
    zoomBy: (factor) => later((pz) => pz.zoomBy(factor)),
    panBy: (dx, dy) => later((pz) => pz.panBy(dx, dy)),
    setTransform: (t) => (real ? real.setTransform(t) : show(t)),
    getTransform: () => (real ? real.getTransform() : shown),
    destroy: () => {
      destroyed = true;
      real?.destroy();
    },
  };
}
