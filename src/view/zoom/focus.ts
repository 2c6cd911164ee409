// Where a drawing too big for its pane at the text floor is placed: the part that matters (what the
// current step changed) in view, the drawing still filling the pane. Pure arithmetic, as
// constrain.ts; the pane finds the focus in its DOM (focusRect).
import type { Size, Transform } from './constrain';

/** A rectangle in content pixels. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface Axis {
  /** the pane's length */
  view: number;
  /** the drawing's length on screen (content × k) */
  drawn: number;
  /** where the focus starts and how long it is, on screen relative to the drawing's origin */
  start: number;
  length: number;
  pad: number;
}

/** The drawing's offset range that keeps the pane filled (it overflows the pane on this axis). */
const fillRange = ({ view, drawn, pad }: Axis): [number, number] => [view - pad - drawn, pad];

const clamp = (v: number, [lo, hi]: [number, number]) => Math.min(hi, Math.max(lo, v));

/** The offset that centres the focus (its start when it is longer than the pane). */
function centred(a: Axis): number {
  const wanted =
    a.length <= a.view - 2 * a.pad ? a.view / 2 - (a.start + a.length / 2) : a.pad - a.start;
  return clamp(wanted, fillRange(a));
}

function axes(k: number, content: Size, viewport: Size, focus: Rect, pad: number): [Axis, Axis] {
  return [
    {
      view: viewport.width,
      drawn: content.width * k,
      start: focus.x * k,
      length: focus.width * k,
      pad,
    },
    {
      view: viewport.height,
      drawn: content.height * k,
      start: focus.y * k,
      length: focus.height * k,
      pad,
    },
  ];
}

const overflows = (a: Axis) => a.drawn > a.view - 2 * a.pad;

/**
 * The offsets at scale `k` of a drawing that does not fit its pane: on each axis where it
 * overflows, the focus centred (or, without one, the drawing's top left), the drawing still
 * filling the pane; where it fits, centred as Fit centres it.
 */
export function placeOverflowing(
  k: number,
  content: Size,
  viewport: Size,
  focus: Rect | null,
  pad: number,
): Transform {
  const [ax, ay] = axes(k, content, viewport, focus ?? { x: 0, y: 0, width: 0, height: 0 }, pad);
  const place = (a: Axis) =>
    !overflows(a) ? Math.max(pad, (a.view - a.drawn) / 2) : focus ? centred(a) : pad;
  return { k, x: place(ax), y: place(ay) };
}

/**
 * `t` moved so that `focus` is in view: unchanged while the focus is wholly visible (stepping
 * does not shake the view), else the focus centred on the axis where it left the view. Axes on
 * which the drawing fits are left alone.
 */
export function follow(
  t: Transform,
  content: Size,
  viewport: Size,
  focus: Rect,
  pad: number,
): Transform {
  const [ax, ay] = axes(t.k, content, viewport, focus, pad);
  const move = (a: Axis, offset: number) => {
    if (!overflows(a)) return offset;
    const from = offset + a.start;
    const visible = from >= pad - 0.5 && from + a.length <= a.view - pad + 0.5;
    return visible ? offset : centred(a);
  };
  return { k: t.k, x: move(ax, t.x), y: move(ay, t.y) };
}

/** Whether `content` at scale `k` overflows `viewport` (less `pad` on each side). */
export const overflowsAt = (k: number, content: Size, viewport: Size, pad: number): boolean =>
  content.width * k > viewport.width - 2 * pad + 0.5 ||
  content.height * k > viewport.height - 2 * pad + 0.5;
