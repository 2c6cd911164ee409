// Where the camera puts a drawing too big for its pane at the text floor: the step's subject (what
// it changed, what its caption names, the anon_vma columns those sit on) framed whole, object by
// object in order of importance, the drawing still filling the pane. Pure arithmetic, as
// constrain.ts; the pane measures the subject's boxes in its DOM (usePanZoom).
import type { Size, Transform } from './constrain';

/** A rectangle in content pixels. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * One object of the subject: its whole box, and the part that must stay in view when the whole
 * does not fit (an anon_vma's head, its circle and labels, without the column under it, which runs
 * down every row of the forest).
 */
export interface SubjectItem {
  box: Rect;
  core?: Rect | undefined;
}

/** A stretch of one axis, in content pixels. */
interface Span {
  lo: number;
  hi: number;
}

/** Less than a pixel off is not out of view (sub-pixel layout, rounding). */
const SLACK = 0.5;

/** Whether `content` at scale `k` overflows `viewport` (less `pad` on each side). */
export const overflowsAt = (k: number, content: Size, viewport: Size, pad: number): boolean =>
  content.width * k > viewport.width - 2 * pad + SLACK ||
  content.height * k > viewport.height - 2 * pad + SLACK;

const spanX = (r: Rect): Span => ({ lo: r.x, hi: r.x + r.width });
const spanY = (r: Rect): Span => ({ lo: r.y, hi: r.y + r.height });
const join = (a: Span | null, b: Span): Span =>
  a ? { lo: Math.min(a.lo, b.lo), hi: Math.max(a.hi, b.hi) } : b;

/** `r` cut to the drawing (a halo or a label may poke out of it by a few pixels). */
function clip(r: Rect, content: Size): Rect | null {
  const x0 = Math.max(0, r.x);
  const y0 = Math.max(0, r.y);
  const x1 = Math.min(content.width, r.x + r.width);
  const y1 = Math.min(content.height, r.y + r.height);
  return x1 < x0 || y1 < y0 ? null : { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

interface Axis {
  /** whether the drawing at this scale is longer than the pane (less its margins) */
  over: boolean;
  /** the pane's length, less its margins, in content pixels */
  window: number;
  /** the drawing's length in content pixels */
  length: number;
  span: (r: Rect) => Span;
}

function axesOf(k: number, content: Size, viewport: Size, pad: number): [Axis, Axis] {
  const axis = (view: number, length: number, span: Axis['span']): Axis => ({
    over: length * k > view - 2 * pad + SLACK,
    window: (view - 2 * pad) / k,
    length,
    span,
  });
  return [axis(viewport.width, content.width, spanX), axis(viewport.height, content.height, spanY)];
}

export interface Frame {
  t: Transform;
  /** the boxes the frame holds whole (each item's box, or its core when only that fits) */
  framed: Rect[];
}

/**
 * The view at scale `k` of a drawing that does not fit its pane, framing `items` (most important
 * first): each item is taken whole if it fits in the pane with those taken before, else its core
 * if that fits, else it is framed only along the axes where it fits; along the others, the first
 * such item decides which way the spare room goes (towards its start: its label, an anon_vma's
 * circle). On an axis where the drawing fits, it is centred; on one where it overflows, the
 * drawing still fills the pane (no empty band), and what was taken is centred when nothing was
 * left out. Without any item: the drawing's top left.
 */
export function frameSubject(
  k: number,
  content: Size,
  viewport: Size,
  items: readonly SubjectItem[],
  pad: number,
): Frame {
  const axes = axesOf(k, content, viewport, pad);
  const fits = (a: Axis, s: Span) => !a.over || s.hi - s.lo <= a.window + SLACK;
  const taken: (Span | null)[] = [null, null];
  // per axis, the first object that could not be framed along it: the spare room goes its way
  const leftOut: (Span | null)[] = [null, null];
  const framed: Rect[] = [];
  for (const item of items) {
    const box = clip(item.box, content);
    const core = item.core ? clip(item.core, content) : null;
    const choices = [box, core].filter((r): r is Rect => r !== null);
    const whole = choices.find((r) => axes.every((a, i) => fits(a, join(taken[i]!, a.span(r)))));
    if (whole) {
      axes.forEach((a, i) => (taken[i] = join(taken[i]!, a.span(whole))));
      framed.push(whole);
      continue;
    }
    // Not whole: still framed along each axis where it fits (a process box wider than a phone
    // stays whole from top to bottom).
    axes.forEach((a, i) => {
      const along = choices.find((r) => fits(a, join(taken[i]!, a.span(r))));
      if (along) taken[i] = join(taken[i]!, a.span(along));
      else if (!leftOut[i] && choices.length > 0) leftOut[i] = a.span(choices.at(-1)!);
    });
  }
  const place = (a: Axis, i: number): number => {
    const view = a.window * k + 2 * pad;
    if (!a.over) return Math.max(pad, (view - a.length * k) / 2);
    const s = taken[i];
    // the window's start (content px): holding every taken box, inside the drawing
    const lo = Math.max(0, s ? s.hi - a.window : 0);
    const hi = Math.min(s ? s.lo : Infinity, a.length - a.window);
    const out = leftOut[i];
    const want = out ? out.lo : s ? (s.lo + s.hi - a.window) / 2 : 0;
    const start = Math.min(hi, Math.max(lo, want));
    return pad - start * k;
  };
  return { t: { k, x: place(axes[0], 0), y: place(axes[1], 1) }, framed };
}

/** Whether `r` is wholly in the pane under `t` on each axis where the drawing overflows. */
function inView(t: Transform, r: Rect, content: Size, viewport: Size, pad: number): boolean {
  const [ax, ay] = axesOf(t.k, content, viewport, pad);
  const within = (a: Axis, offset: number, view: number, s: Span) =>
    !a.over || (offset + s.lo * t.k >= pad - SLACK && offset + s.hi * t.k <= view - pad + SLACK);
  return within(ax, t.x, viewport.width, spanX(r)) && within(ay, t.y, viewport.height, spanY(r));
}

/**
 * `t` moved to frame `items` at its scale, or `t` itself while it already shows whole everything
 * the frame would (stepping does not shake the view). Axes on which the drawing fits are left
 * alone.
 */
export function followSubject(
  t: Transform,
  content: Size,
  viewport: Size,
  items: readonly SubjectItem[],
  pad: number,
): Transform {
  const frame = frameSubject(t.k, content, viewport, items, pad);
  if (frame.framed.length === 0) return t;
  if (frame.framed.every((r) => inView(t, r, content, viewport, pad))) return t;
  const [ax, ay] = axesOf(t.k, content, viewport, pad);
  return { k: t.k, x: ax.over ? frame.t.x : t.x, y: ay.over ? frame.t.y : t.y };
}
