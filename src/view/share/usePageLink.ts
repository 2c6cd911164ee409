// The link state of what the page shows, for the share menu and the embed's "open full view".
import { useShallow } from 'zustand/react/shallow';
import { pageLinkState } from '../../codecs/pageLink';
import type { LinkState } from '../../codecs/linkState';
import { useAppStore } from '../../store';
import { useCursor } from '../playback/playback';

/** `withTheme`: the theme picked by the reader goes into the link (embed code). */
export function usePageLink(withTheme = false): LinkState {
  const inputs = useAppStore(
    useShallow((s) => ({
      scenarioId: s.scenarioId,
      custom: s.custom,
      eraOverride: s.eraOverride,
      flagsOverride: s.flagsOverride,
      graphView: s.graphView,
      theme: s.theme,
      themeChosen: s.themeChosen,
      lectureOn: s.lectureOn,
      compareOn: s.compareOn,
      compareSide: s.compareSide,
    })),
  );
  const step = useCursor();
  return pageLinkState(inputs, step, undefined, withTheme);
}

/** The page's address without its query: where links and embeds point. */
export function pageBase(): string {
  return `${window.location.origin}${window.location.pathname}`;
}
