import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CPU_IDENTITIES, cpuPatternId } from './cpuPalette';
import { CpuPatternDefs } from './CpuPatternDefs';
import { ThemeToggle } from './ThemeToggle';

describe('CpuPatternDefs', () => {
  it('defines one pattern per CPU identity, hidden from assistive technology', () => {
    const html = renderToStaticMarkup(<CpuPatternDefs />);
    expect(html).toContain('aria-hidden="true"');
    for (let cpu = 0; cpu < CPU_IDENTITIES; cpu++) {
      expect(html).toContain(`id="${cpuPatternId(cpu)}"`);
    }
    expect(html.match(/<pattern /g)).toHaveLength(CPU_IDENTITIES);
    expect(html).toContain('fill:var(--cpu3)');
  });
});

describe('ThemeToggle', () => {
  it('is a labelled toggle button, not pressed in the light theme', () => {
    const html = renderToStaticMarkup(<ThemeToggle />);
    expect(html).toMatch(/^<button type="button"/);
    expect(html).toContain('aria-pressed="false"');
    expect(html).toContain('Dark theme');
  });
});
