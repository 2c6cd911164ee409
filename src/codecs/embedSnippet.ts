// The iframe code a blogger pastes into a post, for the state shown now.
import type { EmbedOptions, LinkState } from './linkState';
import { encodeLink } from './urlCodec';

export const EMBED_WIDTH = 800;
export const EMBED_HEIGHT = 560;

/** Text for an HTML attribute value in double quotes. */
export function escapeAttribute(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('"', '&quot;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;');
}

/** The embed URL of `state`: the same page with `embed=1` and the embed options. */
export function embedUrl(base: string, state: LinkState, options: EmbedOptions = {}): string {
  return `${base}${encodeLink({ ...state, embed: options })}`;
}

/** `<iframe src=… title=… width height loading="lazy">` for `state` at `base` (origin + path). */
export function embedSnippet(
  base: string,
  state: LinkState,
  title: string,
  options: EmbedOptions = {},
): string {
  const src = embedUrl(base, state, options);
  return (
    `<iframe src="${escapeAttribute(src)}" title="${escapeAttribute(`anon-vma-forest: ${title}`)}"` +
    // no style attribute: a host page whose CSP forbids inline styles would log an error for it
    ` width="${EMBED_WIDTH}" height="${EMBED_HEIGHT}" loading="lazy"></iframe>`
  );
}
