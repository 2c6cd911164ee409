// "Copy embed code": the iframe snippet of the state shown, with a few embed options.
import { useState } from 'react';
import { embedSnippet } from '../../codecs/embedSnippet';
import type { EmbedOptions } from '../../codecs/linkState';
import { MAX_LINK_CHARS } from '../../codecs/urlCodec';
import { copyText } from './copyText';
import { pageBase, usePageLink } from './usePageLink';

export function EmbedSection({ title }: { title: string }) {
  const state = usePageLink(true);
  const [autoplay, setAutoplay] = useState(false);
  const [loop, setLoop] = useState(false);
  const [copied, setCopied] = useState<string | null>(null);
  if (!state.scenario) return null;
  const options: EmbedOptions = { ...(autoplay ? { autoplay } : {}), ...(loop ? { loop } : {}) };
  const code = embedSnippet(pageBase(), state, title, options);
  if (code.length > MAX_LINK_CHARS) {
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
        rows={3}
        value={code}
        onFocus={(e) => e.currentTarget.select()}
      />
      <p className="share-status" role="status">
        {copied}
      </p>
    </section>
  );
}
