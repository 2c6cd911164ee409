// "Copy embed code": the iframe snippet of the state shown (embedSnippet.ts: column-wide, sized by
// an aspect ratio), with the embed options, what the frame shows, the one-line host script that
// sizes the frame to its content as an option, and a live preview at a chosen column width.
import { useState } from 'react';
import { embedSnippet, embedUrl, hostScriptTag } from '../../codecs/embedSnippet';
import type { EmbedOptions } from '../../codecs/linkState';
import { MAX_LINK_CHARS } from '../../codecs/urlCodec';
import { copyText } from './copyText';
import { EmbedPreview, PREVIEW_WIDTHS } from './EmbedPreview';
import { pageBase, usePageLink } from './usePageLink';

type Shown = 'title' | 'caption' | 'text';
const SHOWN: { key: Shown; label: string }[] = [
  { key: 'title', label: 'title' },
  { key: 'caption', label: 'caption' },
  { key: 'text', label: 'step text' },
];

export function EmbedSection({ title }: { title: string }) {
  const state = usePageLink(true);
  const [autoplay, setAutoplay] = useState(false);
  const [loop, setLoop] = useState(false);
  const [hidden, setHidden] = useState<Record<Shown, boolean>>({
    title: false,
    caption: false,
    text: false,
  });
  const [withScript, setWithScript] = useState(false);
  const [previewOpen, setPreviewOpen] = useState(false);
  const [previewWidth, setPreviewWidth] = useState<number>(700);
  const [copied, setCopied] = useState<string | null>(null);
  if (!state.scenario) return null;
  const options: EmbedOptions = {
    ...(autoplay ? { autoplay } : {}),
    ...(loop ? { loop } : {}),
    ...(hidden.title ? { title: false } : {}),
    ...(hidden.caption ? { caption: false } : {}),
    ...(hidden.text ? { text: false } : {}),
  };
  const base = pageBase();
  const frame = embedSnippet(base, state, title, options);
  const code = withScript ? `${frame}\n${hostScriptTag(base)}` : frame;
  if (frame.length > MAX_LINK_CHARS) {
    return (
      <section className="share-section" aria-label="Embed">
        <h3>Embed</h3>
        <p className="share-hint" data-testid="embed-too-long">
          This scenario is too large to embed by link. Publish its JSON file next to your page and
          send it to an embedded built-in scenario with the postMessage API (“load”; see the
          README).
        </p>
      </section>
    );
  }
  return (
    <section className="share-section" aria-label="Embed">
      <h3>Embed</h3>
      <div className="share-row">
        <label>
          <input
            type="checkbox"
            checked={autoplay}
            onChange={(e) => setAutoplay(e.target.checked)}
          />{' '}
          autoplay
        </label>
        <label>
          <input type="checkbox" checked={loop} onChange={(e) => setLoop(e.target.checked)} /> loop
        </label>
      </div>
      <fieldset className="share-row share-fieldset">
        <legend>The frame shows</legend>
        {SHOWN.map(({ key, label }) => (
          <label key={key}>
            <input
              type="checkbox"
              data-testid={`embed-show-${key}`}
              checked={!hidden[key]}
              onChange={(e) => setHidden((h) => ({ ...h, [key]: !e.target.checked }))}
            />{' '}
            {label}
          </label>
        ))}
      </fieldset>
      <div className="share-row">
        <label title="One script tag for your page: each frame then takes the height of its content">
          <input
            type="checkbox"
            data-testid="embed-host-script"
            checked={withScript}
            onChange={(e) => setWithScript(e.target.checked)}
          />{' '}
          add the host script (height follows the content)
        </label>
        <button
          type="button"
          data-testid="copy-embed"
          onClick={() =>
            void copyText(code).then((ok) =>
              setCopied(ok ? 'Embed code copied.' : 'Copy failed: select the code and copy it.'),
            )
          }
        >
          Copy embed code
        </button>
      </div>
      <textarea
        className="share-code"
        data-testid="embed-code"
        aria-label="Embed code"
        readOnly
        rows={withScript ? 5 : 4}
        value={code}
        onFocus={(e) => e.currentTarget.select()}
      />
      <p className="share-status" role="status">
        {copied}
      </p>
      <details
        className="embed-preview-box"
        data-testid="embed-preview-box"
        open={previewOpen}
        onToggle={(e) => setPreviewOpen(e.currentTarget.open)}
      >
        <summary>Preview in a column of…</summary>
        <fieldset className="share-row share-fieldset">
          <legend className="visually-hidden">Column width</legend>
          {PREVIEW_WIDTHS.map((w) => (
            <label key={w}>
              <input
                type="radio"
                name="embed-preview-width"
                data-testid={`embed-preview-${w}`}
                checked={previewWidth === w}
                onChange={() => setPreviewWidth(w)}
              />{' '}
              {`${w} px`}
            </label>
          ))}
        </fieldset>
        {previewOpen && (
          <EmbedPreview
            src={embedUrl(base, state, options)}
            width={previewWidth}
            followHeight={withScript}
          />
        )}
      </details>
    </section>
  );
}
