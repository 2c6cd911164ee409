import { describe, expect, it } from 'vitest';
import { defaultTransform, wholeTransform } from './constrain';
import { follow, overflowsAt, placeOverflowing } from './focus';

const viewport = { width: 800, height: 400 };
// at the floor (k = 1.8) this is 1800 × 1080: too big for the pane both ways
const content = { width: 1000, height: 600 };
const pad = 12;

describe('a drawing too big for its pane at the text floor', () => {
  it('opens at the floor, filling the pane, at its top left without a focus', () => {
    const t = defaultTransform(content, viewport, 1.8);
    expect(t).toEqual({ k: 1.8, x: pad, y: pad });
    expect(overflowsAt(t.k, content, viewport, pad)).toBe(true);
  });

  it('opens with the focus centred, the drawing still filling the pane', () => {
    const focus = { x: 500, y: 300, width: 20, height: 20 };
    const t = defaultTransform(content, viewport, 1.8, focus);
    expect(t.k).toBe(1.8);
    expect(t.x + (focus.x + focus.width / 2) * t.k).toBeCloseTo(viewport.width / 2);
    expect(t.y + (focus.y + focus.height / 2) * t.k).toBeCloseTo(viewport.height / 2);
    // a focus near the far corner: the drawing's far edges stay at the pane's (no empty band)
    const corner = placeOverflowing(
      1.8,
      content,
      viewport,
      { x: 990, y: 590, width: 10, height: 10 },
      pad,
    );
    expect(corner.x + content.width * 1.8).toBeCloseTo(viewport.width - pad);
    expect(corner.y + content.height * 1.8).toBeCloseTo(viewport.height - pad);
  });

  it('a focus larger than the pane shows its start', () => {
    const t = placeOverflowing(
      1.8,
      content,
      viewport,
      { x: 100, y: 100, width: 800, height: 20 },
      pad,
    );
    expect(t.x).toBeCloseTo(pad - 100 * 1.8);
  });

  it('centres an axis on which it fits', () => {
    const wide = { width: 1000, height: 100 };
    const t = placeOverflowing(1.8, wide, viewport, { x: 900, y: 0, width: 10, height: 10 }, pad);
    expect(t.y).toBeCloseTo((viewport.height - 180) / 2);
  });

  it('follows a focus only when it leaves the view', () => {
    const t = { k: 1.8, x: pad, y: pad };
    const inView = { x: 10, y: 10, width: 20, height: 20 };
    expect(follow(t, content, viewport, inView, pad)).toEqual(t);
    const below = { x: 10, y: 400, width: 20, height: 20 };
    const next = follow(t, content, viewport, below, pad);
    expect(next.x).toBe(t.x);
    expect(next.y + 410 * 1.8).toBeCloseTo(viewport.height / 2);
  });

  it('"Whole forest" fits all of it, under the floor', () => {
    const t = wholeTransform(content, viewport);
    expect(t.k).toBeLessThan(1.8);
    expect(overflowsAt(t.k, content, viewport, pad)).toBe(false);
  });

  it('a drawing that fits at the floor is fitted and centred as before', () => {
    const small = { width: 200, height: 100 };
    const t = defaultTransform(small, viewport, 1.2, { x: 0, y: 0, width: 5, height: 5 });
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
