// Writes the page state into the URL (replaceState, debounced: browsers throttle rapid calls), so
// a reload or a copied address bar reopens what is shown. The embed options of the link the page
// was opened with stay in it, and so does an embed's theme; a full page's theme is the reader's
// own preference (localStorage) and stays out of its address.
import { useEffect } from 'react';
import { useAppStore } from '../../store';
import type { EmbedOptions } from '../../codecs/linkState';
import { pageLinkState } from '../../codecs/pageLink';
import { encodeLink } from '../../codecs/urlCodec';

const DEBOUNCE_MS = 150;

export function useUrlSync(step: number, embed: EmbedOptions | undefined): void {
  const scenarioId = useAppStore((s) => s.scenarioId);
  const custom = useAppStore((s) => s.custom);
  const eraOverride = useAppStore((s) => s.eraOverride);
  const flagsOverride = useAppStore((s) => s.flagsOverride);
  const graphView = useAppStore((s) => s.graphView);
  const theme = useAppStore((s) => s.theme);
  const themeChosen = useAppStore((s) => s.themeChosen);
  const lectureOn = useAppStore((s) => s.lectureOn);
  const compareOn = useAppStore((s) => s.compareOn);
  const compareSide = useAppStore((s) => s.compareSide);
  useEffect(() => {
    const timer = window.setTimeout(() => {
      const inputs = {
        scenarioId,
        custom,
        eraOverride,
        flagsOverride,
        graphView,
        theme,
        themeChosen,
        lectureOn,
        compareOn,
        compareSide,
      };
      const search = encodeLink(pageLinkState(inputs, step, embed, embed !== undefined));
      if (search !== window.location.search) {
        // A whole URL, not `pathname + search`: a hand-typed path that starts with `//` would
        // read as another host, which replaceState refuses (an uncaught error).
        const url = new URL(window.location.href);
        url.search = search;
        window.history.replaceState(window.history.state, '', url.href);
      }
    }, DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [
    scenarioId,
    custom,
    eraOverride,
    flagsOverride,
    graphView,
    theme,
    themeChosen,
    lectureOn,
    compareOn,
    compareSide,
    step,
    embed,
  ]);
}
