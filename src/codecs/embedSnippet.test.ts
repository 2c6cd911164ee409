import { describe, expect, it } from 'vitest';
import { builtinScenarios } from '../scenarios';
import { embedSnippet, escapeAttribute } from './embedSnippet';
import { decodeLink } from './urlCodec';

describe('embed snippet', () => {
  it('is an iframe with a title, size and lazy loading, whose src opens the same state embedded', () => {
    const html = embedSnippet(
      'https://example.org/avf/',
      { scenario: { kind: 'builtin', id: 'race-8.1' }, era: '3.0', step: 7 },
      'A "race" <here> & there',
      { autoplay: true },
    );
    expect(html).toMatch(/^<iframe src="https:\/\/example\.org\/avf\/\?v=1&amp;scenario=race-8\.1/);
    expect(html).toContain('title="anon-vma-forest: A &quot;race&quot; &lt;here&gt; &amp; there"');
    expect(html).toMatch(/ width="\d+" height="\d+" loading="lazy"/);
    const src = /src="([^"]*)"/.exec(html)![1]!.replaceAll('&amp;', '&');
    const search = new URL(src).search;
    const decoded = decodeLink(search, { builtinIds: builtinScenarios.map((b) => b.id) });
    expect(decoded.notices).toEqual([]);
    expect(decoded.state).toMatchObject({ era: '3.0', step: 7, embed: { autoplay: true } });
  });

  it('escapes attribute text', () => {
    expect(escapeAttribute(`"'<>&`)).toBe(`&quot;'&lt;&gt;&amp;`);
  });
});
