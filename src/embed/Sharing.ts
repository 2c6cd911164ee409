// Everything a page does for links and embeds: the URL kept up to date, the embed's playback
// options and the postMessage API. A component that renders nothing, so that following the
// cursor re-renders it alone and not the page around it (STYLE.md 6).
import type { Session } from '../session/session';
import { useCursor } from '../view/playbackContext';
import type { EmbedOptions } from './linkState';
import { useEmbedApi } from './useEmbedApi';
import { useEmbedPlayback } from './useEmbedPlayback';
import { useUrlSync } from './useUrlSync';

export interface SharingProps {
  session: Session;
  embed: boolean;
  /** the embed options of the link */
  options?: EmbedOptions | undefined;
}

const NO_OPTIONS: EmbedOptions = {};

export function Sharing({ session, embed: isEmbed, options }: SharingProps): null {
  const embed = isEmbed ? (options ?? NO_OPTIONS) : undefined;
  const cursor = useCursor();
  useUrlSync(cursor, embed);
  const range = useEmbedPlayback(embed);
  useEmbedApi(session, range);
  return null;
}
