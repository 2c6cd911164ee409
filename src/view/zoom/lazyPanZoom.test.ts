import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { defaultTransform } from './constrain';
import type { Transform } from './constrain';
import { createPanZoom } from './lazyPanZoom';

// A pane element as far as d3-zoom touches it (listeners, style, size) in a DOM-less test.
function fakePane(width: number, height: number): HTMLElement {
  return {
    clientWidth: width,
    clientHeight: height,
    addEventListener: () => {},
    removeEventListener: () => {},
    style: { setProperty: () => {}, removeProperty: () => {} },
  } as unknown as HTMLElement;
}

const d3Loaded = async () => {
  await import('./createPanZoom');
  await new Promise((r) => setTimeout(r, 0));
};

beforeAll(() => {
  // d3-zoom asks whether the pane is an SVG element and whether the device has touch points
  vi.stubGlobal('SVGElement', class {});
  vi.stubGlobal('navigator', { maxTouchPoints: 0 });
});
afterAll(() => {
  vi.unstubAllGlobals();
});

describe('lazyPanZoom', () => {
  it('places the default view before D3 arrives, then D3 carries on from it', async () => {
    const seen: Transform[] = [];
    const content = { width: 400, height: 300 };
    const pane = fakePane(800, 600);
    const pz = createPanZoom({ domNode: pane, content, onTransform: (t) => seen.push(t) });
    pz.reset();
    const home = defaultTransform(content, { width: 800, height: 600 }, 1);
    expect(home.k).toBeGreaterThan(1);
    expect(seen.at(-1)).toEqual(home);
    expect(pz.getTransform()).toEqual(home);
    // a zoom asked for before D3 waits for it, then runs
    pz.zoomBy(2);
    expect(seen).toHaveLength(1);
    await d3Loaded();
    expect(seen.length).toBeGreaterThan(1);
    expect(pz.getTransform().k).toBeCloseTo(home.k * 2);
    pz.actualSize();
    expect(pz.getTransform()).toEqual({ x: 0, y: 0, k: 1 });
    pz.destroy();
  });

  it('a pane destroyed before D3 arrives never gets an instance', async () => {
    const seen: Transform[] = [];
    const pz = createPanZoom({
      domNode: fakePane(300, 200),
      content: { width: 100, height: 100 },
      onTransform: (t) => seen.push(t),
    });
    pz.zoomBy(2);
    pz.destroy();
    await d3Loaded();
    expect(seen).toEqual([]);
  });
});
