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
    expect(html).toContain('>Reset</button>');
    expect(html).toContain('data-kind="graph"');
    // React never writes the layer's transform: that is pan/zoom's alone.
    expect(html).not.toMatch(/zoom-layer[^>]*style=/);
  });
});
