import { describe, expect, it } from 'vitest';
import type { MatrixLayout } from '../layout/matrixLayout';
import { drawForest } from './drawForest';
import type { DrawTarget } from './drawForest';
import { bigView } from './testViews';

/** A layout for bigView: process i's row at y = 100 + 60 i, anon_vma i's column at x = 300 + 20 i. */
function layoutFor(n: number): MatrixLayout {
  const columnX: Record<string, number> = {};
  const vmaY: Record<string, number> = {};
  const processBand: Record<string, { y: number; height: number }> = {};
  const color: Record<string, string> = {};
  for (let i = 0; i < n; i++) {
    columnX[`av${i}`] = 300 + 20 * i;
    vmaY[`P${i}:0`] = 100 + 60 * i + 30;
    processBand[`P${i}`] = { y: 100 + 60 * i, height: 60 };
    color[`av${i}`] = '#123456';
  }
  return {
    width: 300 + 20 * n,
    height: 100 + 60 * n,
    stripX: 150,
    stripWidth: 16,
    cell: 16,
    pageX: (addr) => 150 + 16 * addr,
    columnX,
    processBand,
    vmaY,
    rowsTop: 100,
    rowsBottom: 100 + 60 * n,
    color,
  } as MatrixLayout;
}

function recorder(): DrawTarget & { texts: string[]; rects: number } {
  const rec = { texts: [] as string[], rects: 0 };
  const ctx = {
    setTransform: () => {},
    fillRect: () => {
      rec.rects++;
    },
    fillText: (t: string) => {
      rec.texts.push(t);
    },
    fillStyle: '',
    globalAlpha: 1,
    font: '',
    textBaseline: '',
    textAlign: '',
  } as unknown as CanvasRenderingContext2D;
  return Object.assign(rec, { ctx, width: 800, height: 600, dpr: 1 });
}

const colors = { bg: '#fff', fg: '#000', muted: '#888', band: '#eee', lock: '#f00' };

describe('drawForest', () => {
  it('draws only the rows and columns inside the viewport', () => {
    const n = 1000;
    const target = recorder();
    const stats = drawForest(target, bigView(n), layoutFor(n), { x: 0, y: 0, k: 1 }, colors);
    // 600 px tall viewport, 60 px rows: about 10 rows; 800 px wide: about 25 columns
    expect(stats.rows).toBeLessThanOrEqual(11);
    expect(stats.columns).toBeLessThanOrEqual(26);
    expect(target.rects).toBeLessThan(200);
  });

  it('shows labels when zoomed in and hides them when zoomed out', () => {
    const n = 1000;
    const near = recorder();
    drawForest(near, bigView(n), layoutFor(n), { x: 0, y: 0, k: 1 }, colors);
    expect(near.texts).toContain('P0');
    const far = recorder();
    const stats = drawForest(far, bigView(n), layoutFor(n), { x: 0, y: 0, k: 0.009 }, colors);
    expect(far.texts).toEqual([]);
    expect(stats.rows).toBe(n);
  });
});
