import { describe, expect, it } from 'vitest';
import {
  IDENTITY,
  KEEP_VISIBLE,
  MAX_FIT_ZOOM,
  MAX_ZOOM,
  MIN_ZOOM,
  clampZoom,
  constrainTransform,
  cssTransform,
  defaultTransform,
  fitTransform,
  zoomAbout,
} from './constrain';

const viewport = { width: 800, height: 600 };
const content = { width: 2000, height: 1000 };

describe('pan/zoom arithmetic', () => {
  it('clamps the scale', () => {
    expect(clampZoom(100)).toBe(MAX_ZOOM);
    expect(clampZoom(0)).toBe(MIN_ZOOM);
    expect(clampZoom(1)).toBe(1);
  });

  it('leaves a transform that keeps content in view as it is', () => {
    expect(constrainTransform(IDENTITY, viewport, content)).toEqual(IDENTITY);
    const t = { x: -500, y: -200, k: 1 };
    expect(constrainTransform(t, viewport, content)).toEqual(t);
  });

  it('never pans the content out of sight', () => {
    const far = constrainTransform({ x: -99999, y: 99999, k: 1 }, viewport, content);
    expect(far.x).toBe(KEEP_VISIBLE - content.width);
    expect(far.y).toBe(viewport.height - KEEP_VISIBLE);
  });

  it('fits wide content into the viewport, never enlarging it', () => {
    const t = fitTransform(content, viewport, 10);
    expect(t.k).toBeCloseTo((800 - 20) / 2000);
    expect(content.width * t.k).toBeLessThanOrEqual(viewport.width);
    expect(fitTransform({ width: 100, height: 100 }, viewport).k).toBe(1);
  });

  it('opens (and fits) a forest filling the pane, its text kept above the floor, a huge one fitted', () => {
    const small = defaultTransform({ width: 300, height: 200 }, { width: 1300, height: 500 });
    expect(small.k).toBeCloseTo((500 - 24) / 200);
    expect(small.x).toBeCloseTo((1300 - 300 * small.k) / 2);
    // never enlarged beyond MAX_FIT_ZOOM
    expect(defaultTransform({ width: 10, height: 10 }, viewport).k).toBe(MAX_FIT_ZOOM);
    // too big at the floor's scale: it opens at the floor, from the top left, and pans
    const wide = defaultTransform({ width: 900, height: 300 }, { width: 355, height: 300 }, 1.2);
    expect(wide).toEqual({ k: 1.2, x: 12, y: 12 });
    const huge = defaultTransform({ width: 76000, height: 60000 }, viewport, 1.2);
    expect(huge.k).toBeLessThan(0.02);
    expect(huge.k * 60000).toBeLessThanOrEqual(viewport.height);
  });

  it('zooms about a point, which stays where it was on screen', () => {
    const at = { x: 300, y: 200 };
    const t = zoomAbout({ x: 10, y: 20, k: 1 }, 2, at);
    expect(t.k).toBe(2);
    // the content point under `at` before: ((300-10)/1, (200-20)/1); after: the same
    expect((at.x - t.x) / t.k).toBeCloseTo(290);
    expect((at.y - t.y) / t.k).toBeCloseTo(180);
  });

  it('writes a CSS transform for a layer with origin 0 0', () => {
    expect(cssTransform({ x: 5, y: -3, k: 1.5 })).toBe('translate(5px, -3px) scale(1.5)');
  });
});
