import { describe, expect, it } from 'vitest';
import { LOD_THRESHOLD, detailFor, drawnObjectCount } from './levelOfDetail';
import { bigView } from './testViews';

describe('level of detail', () => {
  it('counts processes, VMAs, anon_vmas, AVCs and pages', () => {
    // per process: 1 process + 1 VMA + 1 anon_vma + 3 AVCs + 1 page
    expect(drawnObjectCount(bigView(10))).toBe(70);
  });

  it('keeps SVG for ordinary forests and switches to the canvas for huge ones', () => {
    expect(detailFor(bigView(10))).toBe('svg');
    expect(detailFor(bigView(1000))).toBe('canvas');
    expect(drawnObjectCount(bigView(1000))).toBeGreaterThan(LOD_THRESHOLD);
  });
});
