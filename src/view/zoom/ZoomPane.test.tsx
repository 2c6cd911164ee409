import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ZoomPane } from './ZoomPane';

describe('ZoomPane', () => {
  it('renders a focusable, labelled pane with its content in a layer and labelled controls', () => {
    const html = renderToStaticMarkup(
      <ZoomPane id="graph" label="forest graph" content={{ width: 300, height: 200 }}>
        <svg data-testid="inside" />
      </ZoomPane>,
    );
    expect(html).toContain('id="graph"');
    expect(html).toContain('tabindex="0"');
    expect(html).toContain('aria-label="forest graph"');
    expect(html).toMatch(/class="zoom-layer"[^>]*><svg data-testid="inside"/);
    expect(html).toContain('aria-label="Zoom in"');
    expect(html).toContain('aria-label="Zoom out"');
    expect(html).toContain('>Fit</button>');
    expect(html).toContain('>1:1</button>');
    // the buttons are outside the pane, in a row of their own here (no frame offers a slot)
    expect(html).toMatch(/class="zoom-bar"><div class="zoom-controls"/);
    // the content fits at 1:1: Fit shows it whole, and "Whole forest" is not offered
    expect(html).not.toContain('Whole forest');
    expect(html).toContain('data-kind="graph"');
    // React never writes the layer's transform: that is pan/zoom's alone.
    expect(html).not.toMatch(/zoom-layer[^>]*style=/);
  });
});
