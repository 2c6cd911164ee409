import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { catalog } from '../../session/catalog';
import { ScenarioSearch } from './ScenarioSearch';

describe('ScenarioSearch', () => {
  const html = renderToStaticMarkup(<ScenarioSearch />);
  it('is a closed combobox over a grouped listbox of every scenario', () => {
    expect(html).toContain('role="combobox"');
    expect(html).toContain('aria-expanded="false"');
    expect(html).toMatch(/role="listbox"[^>]*hidden/);
    expect(html.match(/role="group"/g)).toHaveLength(4);
    expect(html.match(/role="option"/g)).toHaveLength(catalog.length);
  });
  it('labels the box for screen readers', () => {
    expect(html).toContain('Find a scenario');
  });
});
