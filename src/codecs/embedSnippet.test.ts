import { describe, expect, it } from 'vitest';
import { builtinScenarios } from '../scenarios';
import { EMBED_STYLE, embedSnippet, escapeAttribute, hostScriptTag } from './embedSnippet';
import { decodeLink } from './urlCodec';

describe('embed snippet', () => {
  it('is a column-wide, borderless iframe with a title, whose src opens the same state embedded', () => {
    const html = embedSnippet(
      'https://example.org/avf/',
      { scenario: { kind: 'builtin', id: 'race-8.1' }, era: '3.0', step: 7 },
      'A "race" <here> & there',
      { autoplay: true, caption: false },
    );
    expect(html).toMatch(/^<iframe src="https:\/\/example\.org\/avf\/\?v=1&amp;scenario=race-8\.1/);
    expect(html).toContain('title="anon-vma-forest: A &quot;race&quot; &lt;here&gt; &amp; there"');
    expect(html).toContain(' width="100%" ');
    expect(html).toMatch(/ height="\d+" frameborder="0" loading="lazy"/);
    const style = /style="([^"]*)"/.exec(html)![1]!;
    expect(style).toBe(EMBED_STYLE);
    expect(style).toMatch(/(^|;)width:100%;/);
    expect(style).toContain('max-width:100%');
    expect(style).toMatch(/aspect-ratio:\d+ \/ \d+/);
    expect(style).toContain('border:0');
    const src = /src="([^"]*)"/.exec(html)![1]!.replaceAll('&amp;', '&');
    const search = new URL(src).search;
    const decoded = decodeLink(search, { builtinIds: builtinScenarios.map((b) => b.id) });
    expect(decoded.notices).toEqual([]);
    expect(decoded.state).toMatchObject({
      era: '3.0',
      step: 7,
      embed: { autoplay: true, caption: false },
    });
  });

  it('the host script is one tag next to the page', () => {
    expect(hostScriptTag('https://example.org/avf/?x=1')).toBe(
      '<script src="https://example.org/avf/embed.js" async></script>',
    );
  });

  it('escapes attribute text', () => {
    expect(escapeAttribute(`"'<>&`)).toBe(`&quot;'&lt;&gt;&amp;`);
  });
});
