// The iframe code a blogger pastes into a post, for the state shown now. It must work pasted
// alone into any column: as wide as the column and never wider (`width:100%`), as tall as the
// frame's content needs at that width (an aspect ratio with a floor: the frame lays itself out to
// fit any height above the floor), borderless. `embed.js` (the one-line host script) then sizes
// each frame to the height the frame reports in its resize message.
import type { EmbedOptions, LinkState } from './linkState';
import { encodeLink } from './urlCodec';

/** The height for hosts that drop the style attribute (a CSP without inline styles). */
export const EMBED_HEIGHT = 560;
/** Height over width of the default frame (the floor below takes over in narrow columns). */
export const EMBED_ASPECT = '4 / 3';
/** Title, caption, step text, playback bar and footer need this much with a usable drawing. */
export const EMBED_MIN_HEIGHT = 480;
/** The host script, next to the page (public/embed.js). */
export const HOST_SCRIPT = 'embed.js';

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

/** The frame's inline style: full column width, height from the aspect ratio and its floor. */
export const EMBED_STYLE =
  `display:block;width:100%;max-width:100%;height:auto;aspect-ratio:${EMBED_ASPECT};` +
  `min-height:${EMBED_MIN_HEIGHT}px;border:0`;

/**
 * `<iframe src=… title=… style=… width="100%" height=… frameborder="0" loading="lazy">` for
 * `state` at `base` (origin + path). The width and height attributes are the fallback of a host
 * whose CSP drops inline styles: still the column's width, and a fixed height.
 */
export function embedSnippet(
  base: string,
  state: LinkState,
  title: string,
  options: EmbedOptions = {},
): string {
  const src = embedUrl(base, state, options);
  return (
    `<iframe src="${escapeAttribute(src)}" title="${escapeAttribute(`anon-vma-forest: ${title}`)}"` +
    ` style="${EMBED_STYLE}" width="100%" height="${EMBED_HEIGHT}" frameborder="0"` +
    ` loading="lazy"></iframe>`
  );
}

/** The one-line host script: sizes every frame of this page to its content (public/embed.js). */
export function hostScriptTag(base: string): string {
  return `<script src="${escapeAttribute(new URL(HOST_SCRIPT, base).href)}" async></script>`;
}
