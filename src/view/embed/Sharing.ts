// Everything a page does for links and embeds: the URL kept up to date and the postMessage API.
// (An embed's range, loop, speed and autoplay are the playback machine's, set by the controller.)
// A component that renders nothing, so that following the cursor re-renders it alone and not the
// page around it (STYLE.md 6).
import type { EmbedOptions } from '../../codecs/linkState';
import type { Session } from '../../session/session';
import { useCursor } from '../playback/playback';
import { useEmbedApi } from './useEmbedApi';
import { useUrlSync } from './useUrlSync';

export interface SharingProps {
  session: Session;
  embed: boolean;
  /** the embed options of the link */
  options?: EmbedOptions | undefined;
  /** false: the page reports its height itself (the embed page) */
  reportResize?: boolean;
}

const NO_OPTIONS: EmbedOptions = {};

export function Sharing({
  session,
  embed: isEmbed,
  options,
  reportResize = true,
}: SharingProps): null {
  const embed = isEmbed ? (options ?? NO_OPTIONS) : undefined;
  const cursor = useCursor();
  useUrlSync(cursor, embed);
  useEmbedApi(session, reportResize);
  return null;
}
