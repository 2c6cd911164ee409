// The embed's one link out: the same state in the full page, in a new tab.
import { encodeLink } from '../../codecs/urlCodec';
import { pageBase, usePageLink } from './usePageLink';
import './share.css';

export function EmbedFooter() {
  const state = usePageLink();
  const href = `${pageBase()}${encodeLink(state)}`;
  return (
    <p className="embed-footer">
      <a href={href} target="_blank" rel="noopener noreferrer" data-testid="open-full-view">
        Open full view ↗
      </a>
    </p>
  );
}
