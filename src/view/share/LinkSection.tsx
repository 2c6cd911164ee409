// "Copy link": the address of exactly what is shown. A state too long for a link (a large scenario
// of the user's own) is offered as a JSON file instead.
import { useState } from 'react';
import { encodeLink, MAX_LINK_CHARS } from '../../codecs/urlCodec';
import { saveScenarioFile } from '../../app/scenarioFiles';
import { useAppStore } from '../../store';
import { copyText } from './copyText';
import { pageBase, usePageLink } from './usePageLink';

export function LinkSection() {
  const state = usePageLink();
  const [copied, setCopied] = useState<string | null>(null);
  if (!state.scenario) {
    return (
      <section className="share-section" aria-label="Link">
        <h3>Link</h3>
        <p className="share-hint">Add an operation first: an empty scenario cannot be linked.</p>
      </section>
    );
  }
  const url = `${pageBase()}${encodeLink(state)}`;
  const tooLong = url.length > MAX_LINK_CHARS;
  const download = () => saveScenarioFile(useAppStore);
  return (
    <section className="share-section" aria-label="Link">
      <h3>Link</h3>
      {tooLong ? (
        <>
          <p className="share-hint" data-testid="link-too-long">
            {`This scenario is too large for a link (${url.length.toLocaleString('en')} characters; links over ${MAX_LINK_CHARS.toLocaleString('en')} get cut). Share it as a file instead: the reader opens it with "Import".`}
          </p>
          <button type="button" onClick={download} data-testid="download-link-json">
            Download JSON
          </button>
        </>
      ) : (
        <div className="share-row">
          <input
            className="share-url"
            data-testid="share-url"
            aria-label="Link to this view"
            readOnly
            value={url}
            onFocus={(e) => e.currentTarget.select()}
          />
          <button
            type="button"
            data-testid="copy-link"
            onClick={() =>
              void copyText(url).then((ok) =>
                setCopied(ok ? 'Link copied.' : 'Copy failed: select the link and copy it.'),
              )
            }
          >
            Copy link
          </button>
        </div>
      )}
      <p className="share-status" role="status">
        {copied}
      </p>
    </section>
  );
}
