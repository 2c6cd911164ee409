// Pure pan/zoom arithmetic: where content may go, what "fit" and "zoom about a point" mean.
// The D3 factory (createPanZoom) and its tests both use these.
import { frameSubject, overflowsAt } from './framing';
import type { SubjectItem } from './framing';

export interface Transform {
  x: number;
  y: number;
  k: number;
}

export interface Size {
  width: number;
  height: number;
}

export const IDENTITY: Transform = { x: 0, y: 0, k: 1 };
export const MIN_ZOOM = 0.005;
export const MAX_ZOOM = 8;
/** Pixels of content that always stay inside the viewport, so it can never be lost. */
export const KEEP_VISIBLE = 48;

export const clampZoom = (k: number, min = MIN_ZOOM, max = MAX_ZOOM): number =>
  Math.min(max, Math.max(min, k));

function clampAxis(t: number, view: number, content: number, keep: number): number {
  const keepHere = Math.min(keep, content, view);
  // The content's far edge at least `keep` px right of the viewport's left edge, its near edge
  // at most `view - keep` px: the content can be panned anywhere but not out of sight.
  const lo = keepHere - content;
  const hi = view - keepHere;
  return Math.min(hi, Math.max(lo, t));
}

/** `t` with the scale clamped and the content kept partly visible in `viewport`. */
export function constrainTransform(
  t: Transform,
  viewport: Size,
  content: Size,
  keep = KEEP_VISIBLE,
): Transform {
  const k = clampZoom(t.k);
  return {
    k,
    x: clampAxis(t.x, viewport.width, content.width * k, keep),
    y: clampAxis(t.y, viewport.height, content.height * k, keep),
  };
}

export interface ZoomLimits {
  min?: number;
  max?: number;
}

/** The transform that shows all of `content` centred in `viewport`, its scale within `limits`. */
export function fitTransform(
  content: Size,
  viewport: Size,
  padding = 12,
  limits: ZoomLimits = {},
): Transform {
  const w = Math.max(1, content.width);
  const h = Math.max(1, content.height);
  const fit = Math.min((viewport.width - 2 * padding) / w, (viewport.height - 2 * padding) / h);
  const k = clampZoom(Math.min(limits.max ?? 1, Math.max(limits.min ?? MIN_ZOOM, fit)));
  return {
    k,
    x: Math.max(padding, (viewport.width - w * k) / 2),
    y: Math.max(padding, (viewport.height - h * k) / 2),
  };
}

/** Content this many times larger than the viewport opens as an overview (fitted) instead. */
export const HUGE = 4;
/** Fit enlarges a small forest at most this much (a two-VMA forest on a projector). */
export const MAX_FIT_ZOOM = 5;
/** Padding around the content in fitted views. */
export const FIT_PADDING = 12;

/**
 * The view a pane opens with, and what Fit does: the whole forest, scaled up or down to fill the
 * pane, but never below `minZoom` (the scale at which the drawing's smallest text reaches the
 * legible floor on screen). A forest too big to fit at that scale fills the pane and frames
 * `subject` (what the current step changed and its caption names, most important first;
 * frameSubject): the user pans to the rest or asks for the whole forest (wholeTransform). A huge one (many times the pane, drawn on the
 * canvas without text) is fitted whatever it takes, since an overview is the useful start there.
 */
export function defaultTransform(
  content: Size,
  viewport: Size,
  minZoom = 1,
  subject: readonly SubjectItem[] = [],
): Transform {
  const huge = content.width > HUGE * viewport.width || content.height > HUGE * viewport.height;
  const t = fitTransform(content, viewport, FIT_PADDING, {
    min: huge ? MIN_ZOOM : Math.min(minZoom, MAX_FIT_ZOOM),
    max: MAX_FIT_ZOOM,
  });
  if (!overflowsAt(t.k, content, viewport, FIT_PADDING)) return t;
  // Whole in the pane with a thinner margin than Fit's: centred, nothing to pan to.
  if (!overflowsAt(t.k, content, viewport, 0))
    return {
      k: t.k,
      x: (viewport.width - content.width * t.k) / 2,
      y: (viewport.height - content.height * t.k) / 2,
    };
  return frameSubject(t.k, content, viewport, subject, FIT_PADDING).t;
}

/** The whole forest in the pane, however small its text gets ("Whole forest"). */
export const wholeTransform = (content: Size, viewport: Size): Transform =>
  fitTransform(content, viewport, FIT_PADDING, { max: MAX_FIT_ZOOM });

/** `t` scaled by `factor` about the viewport point `at` (what stays under the pointer). */
export function zoomAbout(t: Transform, factor: number, at: { x: number; y: number }): Transform {
  const k = clampZoom(t.k * factor);
  const f = k / t.k;
  return { k, x: at.x - (at.x - t.x) * f, y: at.y - (at.y - t.y) * f };
}

/** The CSS transform of a layer under `t` (with transform-origin 0 0). */
export const cssTransform = (t: Transform): string => `translate(${t.x}px, ${t.y}px) scale(${t.k})`;
