import { describe, expect, it } from 'vitest';
import { idealHeight, MAX_GRAPH, MIN_GRAPH } from './embedFit';

describe('idealHeight', () => {
  it('is the chrome plus the drawing scaled to the pane width', () => {
    // 676 px of room for a 338 px wide drawing: scaled 1.5× at most
    expect(idealHeight({ chrome: 200, paneWidth: 700, content: { width: 338, height: 200 } })).toBe(
      200 + 300 + 26,
    );
    // a wide drawing in a narrow pane is scaled down
    expect(idealHeight({ chrome: 300, paneWidth: 324, content: { width: 600, height: 600 } })).toBe(
      300 + 300 + 26,
    );
  });
  it('keeps the drawing between its bounds', () => {
    expect(idealHeight({ chrome: 0, paneWidth: 700, content: { width: 10, height: 1 } })).toBe(
      MIN_GRAPH,
    );
    expect(idealHeight({ chrome: 0, paneWidth: 700, content: { width: 100, height: 5000 } })).toBe(
      MAX_GRAPH,
    );
  });
});
