// Pan and zoom for one pane element, framework-free (after xyflow's XYPanZoom): d3-zoom listens on
// `domNode` and reports transforms through `onTransform`; the caller decides what to move. Nothing
// here renders, and D3 touches no element but `domNode` (its listeners and its __zoom property).
import { select, zoom, zoomIdentity, zoomTransform } from 'd3';
import type { D3ZoomEvent, ZoomBehavior, ZoomTransform } from 'd3';
import { IDENTITY, MAX_ZOOM, MIN_ZOOM, constrainTransform } from './constrain';
import type { Size, Transform } from './constrain';
import type { SubjectItem } from './framing';
import { placements } from './placements';

export interface PanZoomOptions {
  domNode: HTMLElement;
  onTransform: (t: Transform) => void;
  /**
   * a gesture (drag, wheel, pinch, or a programmatic move) starts or ends; `byUser` when it comes
   * from an input event. E.g. to promote the layer while it moves.
   */
  onGesture?: (active: boolean, byUser: boolean) => void;
  /** size of the drawn content in content pixels */
  content: Size;
  /** the smallest scale the default view and Fit use (keeps the drawing's text legible) */
  minZoom?: number;
  /**
   * the objects that matter now (what the current step changed, what its caption names), most
   * important first, in content pixels: a drawing too big for the pane at the text floor opens
   * and follows there
   */
  subject?: (t: Transform, opening: boolean) => readonly SubjectItem[];
}

export interface PanZoom {
  update: (options: { content: Size; minZoom?: number }) => void;
  /** the view the pane opens with (defaultTransform) */
  reset: () => void;
  /** 1:1 at the top left */
  actualSize: () => void;
  /** the default view again: the pane filled, the text at or above its floor */
  fit: () => void;
  /** the whole content in view, however small its text gets */
  whole: () => void;
  /** the step's subject framed if it is not in view (the scale stays) */
  follow: () => void;
  /** whether the default view shows the whole content (else it pans at the text floor) */
  fitsWhole: () => boolean;
  /** zoom by `factor` about the centre of the pane */
  zoomBy: (factor: number) => void;
  panBy: (dx: number, dy: number) => void;
  setTransform: (t: Transform) => void;
  getTransform: () => Transform;
  destroy: () => void;
}

/** Elements whose own pointer handling wins over panning (controls drawn inside the pane). */
const NO_PAN = 'button, input, select, textarea, a, [data-no-pan]';

const toPlain = (t: ZoomTransform): Transform => ({ x: t.x, y: t.y, k: t.k });
const toD3 = (t: Transform): ZoomTransform => zoomIdentity.translate(t.x, t.y).scale(t.k);

export function createPanZoom({
  domNode,
  onTransform,
  onGesture,
  content,
  minZoom = 1,
  subject = () => [],
}: PanZoomOptions): PanZoom {
  let contentSize = content;
  let floor = minZoom;
  const viewport = (): Size => ({ width: domNode.clientWidth, height: domNode.clientHeight });
  const selection = select<HTMLElement, unknown>(domNode);

  const behavior: ZoomBehavior<HTMLElement, unknown> = zoom<HTMLElement, unknown>()
    .scaleExtent([MIN_ZOOM, MAX_ZOOM])
    .filter((event: Event) => {
      const target = event.target as Element | null;
      if (target?.closest?.(NO_PAN)) return false;
      // d3's default: no secondary buttons; ctrl only for the wheel (trackpad pinch).
      const mouse = event as MouseEvent;
      return (!mouse.ctrlKey || event.type === 'wheel') && !mouse.button;
    })
    .constrain((t) => toD3(constrainTransform(toPlain(t), viewport(), contentSize)))
    .on('start', (e: D3ZoomEvent<HTMLElement, unknown>) => onGesture?.(true, e.sourceEvent != null))
    .on('end', (e: D3ZoomEvent<HTMLElement, unknown>) => onGesture?.(false, e.sourceEvent != null))
    .on('zoom', (event: D3ZoomEvent<HTMLElement, unknown>) =>
      onTransform(toPlain(event.transform)),
    );
  selection.call(behavior);
  // A double click zooms in d3 by default; here it would fight with selecting objects.
  selection.on('dblclick.zoom', null);

  const setTransform = (t: Transform) => behavior.transform(selection, toD3(t));
  const current = () => toPlain(zoomTransform(domNode));
  const place = placements({
    content: () => contentSize,
    viewport,
    floor: () => floor,
    subject,
    current,
  });

  return {
    update: ({ content: next, minZoom: nextFloor }) => {
      contentSize = next;
      if (nextFloor !== undefined) floor = nextFloor;
    },
    reset: () => setTransform(place.fitted()),
    actualSize: () => setTransform(IDENTITY),
    fit: () => setTransform(place.fitted()),
    whole: () => setTransform(place.whole()),
    follow: () => {
      const next = place.followed();
      if (next) setTransform(next);
    },
    fitsWhole: place.fitsWhole,
    zoomBy: (factor) => behavior.scaleBy(selection, factor),
    panBy: (dx, dy) => {
      const t = current();
      behavior.translateBy(selection, dx / t.k, dy / t.k);
    },
    setTransform,
    getTransform: current,
    destroy: () => {
      selection.on('.zoom', null);
    },
  };
}
