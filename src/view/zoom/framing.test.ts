import { describe, expect, it } from 'vitest';
import { defaultTransform, wholeTransform } from './constrain';
import type { Size, Transform } from './constrain';
import { followSubject, frameSubject, overflowsAt } from './framing';
import type { Rect, SubjectItem } from './framing';

const viewport = { width: 800, height: 400 };
// at the floor (k = 1.8) this is 1800 × 1080: too big for the pane both ways
const content = { width: 1000, height: 600 };
const pad = 12;

/** Whether `r` lies wholly in the pane (less its margin) under `t`. */
const whollyIn = (t: Transform, r: Rect, view: Size = viewport) =>
  t.x + r.x * t.k >= pad - 0.5 &&
  t.x + (r.x + r.width) * t.k <= view.width - pad + 0.5 &&
  t.y + r.y * t.k >= pad - 0.5 &&
  t.y + (r.y + r.height) * t.k <= view.height - pad + 0.5;

/** Whether the drawing covers the pane (less its margin) on both axes: no empty band. */
const fills = (t: Transform, c: Size = content, view: Size = viewport) =>
  t.x <= pad + 0.5 &&
  t.x + c.width * t.k >= view.width - pad - 0.5 &&
  t.y <= pad + 0.5 &&
  t.y + c.height * t.k >= view.height - pad - 0.5;

const item = (box: Rect, core?: Rect): SubjectItem => ({ box, core });

describe('a drawing too big for its pane at the text floor', () => {
  it('opens at the floor, filling the pane, at its top left without a subject', () => {
    const t = defaultTransform(content, viewport, 1.8);
    expect(t).toEqual({ k: 1.8, x: pad, y: pad });
    expect(overflowsAt(t.k, content, viewport, pad)).toBe(true);
  });

  it('opens with a small subject centred, the drawing still filling the pane', () => {
    const focus = { x: 500, y: 300, width: 20, height: 20 };
    const t = defaultTransform(content, viewport, 1.8, [item(focus)]);
    expect(t.k).toBe(1.8);
    expect(t.x + (focus.x + focus.width / 2) * t.k).toBeCloseTo(viewport.width / 2);
    expect(t.y + (focus.y + focus.height / 2) * t.k).toBeCloseTo(viewport.height / 2);
    // near the far corner: the drawing's far edges stay at the pane's (no empty band)
    const corner = { x: 990, y: 590, width: 10, height: 10 };
    const c = frameSubject(1.8, content, viewport, [item(corner)], pad).t;
    expect(c.x + content.width * 1.8).toBeCloseTo(viewport.width - pad);
    expect(c.y + content.height * 1.8).toBeCloseTo(viewport.height - pad);
    expect(whollyIn(c, corner)).toBe(true);
  });

  it('frames several objects whole, in order, as long as they fit together', () => {
    const a = { x: 100, y: 100, width: 60, height: 40 };
    const b = { x: 400, y: 150, width: 60, height: 40 };
    // 1.8 × (460 - 100) = 648 ≤ 776: both fit across; a third far below does not
    const c = { x: 100, y: 500, width: 60, height: 40 };
    const f = frameSubject(1.8, content, viewport, [item(a), item(b), item(c)], pad);
    expect(f.framed).toEqual([a, b]);
    expect(whollyIn(f.t, a) && whollyIn(f.t, b)).toBe(true);
    expect(fills(f.t)).toBe(true);
    // the first object wins when two cannot both be shown
    const g = frameSubject(1.8, content, viewport, [item(c), item(a)], pad);
    expect(whollyIn(g.t, c)).toBe(true);
    expect(whollyIn(g.t, a)).toBe(false);
  });

  it('an anon_vma whose column is taller than the pane keeps its head (the core) in view', () => {
    // the column runs down the whole drawing; the head is its top 140 px
    const column = { x: 600, y: 10, width: 90, height: 580 };
    const head = { x: 600, y: 10, width: 90, height: 140 };
    const f = frameSubject(1.8, content, viewport, [item(column, head)], pad);
    expect(f.framed).toEqual([head]);
    expect(whollyIn(f.t, head)).toBe(true);
    // a pane tall enough for the whole column frames the whole column
    const tall = { width: 800, height: 1100 };
    const w = frameSubject(1.8, content, tall, [item(column, head)], pad);
    expect(w.framed).toEqual([column]);
    expect(whollyIn(w.t, column, tall)).toBe(true);
  });

  it('an object wider than the pane is framed top to bottom, and pulls the view to its start', () => {
    // a phone: a row (and its process box) wider than the pane, an anon_vma column that fits
    const phone = { width: 359, height: 503 };
    const drawing = { width: 448, height: 369 };
    const column = { x: 345, y: 16, width: 82, height: 331 };
    const box = { x: 16, y: 209, width: 416, height: 62 };
    const f = frameSubject(1.2, drawing, phone, [item(column), item(box)], pad);
    expect(f.framed).toEqual([column]);
    expect(whollyIn(f.t, column, phone)).toBe(true);
    // as much of the box as fits beside the column: the column at the pane's right edge
    expect(f.t.x + (column.x + column.width) * 1.2).toBeCloseTo(phone.width - pad);
    // the drawing fits the pane's height: centred, the box wholly in view from top to bottom
    expect(f.t.y).toBeCloseTo((phone.height - drawing.height * 1.2) / 2);
  });

  it('without anything left out, what was framed is centred', () => {
    const a = { x: 300, y: 200, width: 100, height: 50 };
    const t = frameSubject(1.8, content, viewport, [item(a)], pad).t;
    expect(t.x + 350 * 1.8).toBeCloseTo(viewport.width / 2);
    expect(t.y + 225 * 1.8).toBeCloseTo(viewport.height / 2);
  });

  it('centres an axis on which it fits', () => {
    const wide = { width: 1000, height: 100 };
    const f = frameSubject(
      1.8,
      wide,
      viewport,
      [item({ x: 900, y: 0, width: 10, height: 10 })],
      pad,
    );
    expect(f.t.y).toBeCloseTo((viewport.height - 180) / 2);
  });

  it('follows the subject only when what it frames leaves the view', () => {
    const t = { k: 1.8, x: pad, y: pad };
    const inView = { x: 10, y: 10, width: 20, height: 20 };
    expect(followSubject(t, content, viewport, [item(inView)], pad)).toEqual(t);
    expect(followSubject(t, content, viewport, [], pad)).toEqual(t);
    const below = { x: 10, y: 400, width: 20, height: 20 };
    const next = followSubject(t, content, viewport, [item(below)], pad);
    expect(next.x).toBe(t.x);
    expect(next.y + 410 * 1.8).toBeCloseTo(viewport.height / 2);
    expect(whollyIn(next, below)).toBe(true);
  });

  it('"Whole forest" fits all of it, under the floor', () => {
    const t = wholeTransform(content, viewport);
    expect(t.k).toBeLessThan(1.8);
    expect(overflowsAt(t.k, content, viewport, pad)).toBe(false);
  });

  it('a drawing that fits at the floor is fitted and centred as before', () => {
    const small = { width: 200, height: 100 };
    const t = defaultTransform(small, viewport, 1.2, [item({ x: 0, y: 0, width: 5, height: 5 })]);
    expect(overflowsAt(t.k, small, viewport, pad)).toBe(false);
    expect(t.x).toBeCloseTo((viewport.width - 200 * t.k) / 2);
  });
});

describe("a drawing that fits its pane at the floor only without Fit's margin", () => {
  it('is centred with a thinner margin, not panned', () => {
    // at k = 1.2: 780 × 390 in 800 × 400 (Fit's 12 px margin would need 776 × 376)
    const t = defaultTransform({ width: 650, height: 325 }, viewport, 1.2);
    expect(t.k).toBe(1.2);
    expect(t.x).toBeCloseTo(10);
    expect(t.y).toBeCloseTo(5);
  });
});
