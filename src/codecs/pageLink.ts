// The link of what the page shows now, from the store and the cursor.
import { currentScenario } from '../session/current';
import type { EraId, Flags, Scenario } from '../kernel';
import type { EmbedOptions, LinkState, ScenarioRef } from './linkState';
import { encodeLink } from './urlCodec';

/** What a link says of the page (the store's fields of these names). */
export interface PageInputs {
  scenarioId: string | null;
  custom: Scenario | null;
  eraOverride: EraId | null;
  flagsOverride: Partial<Flags>;
  graphView: string;
  theme: 'light' | 'dark';
  themeChosen: boolean;
  lectureOn: boolean;
  compareOn: boolean;
  /** the compare view's right side as the reader picked it, for the scenario id `for` */
  compareSide: { era: EraId; flags: Partial<Flags>; for: string } | null;
}

/** The open scenario as a link names it; null for a scenario a link cannot carry yet (no op). */
export function scenarioRefOf(s: PageInputs): ScenarioRef | null {
  if (s.custom) return s.custom.ops.length > 0 ? { kind: 'custom', scenario: s.custom } : null;
  const current = currentScenario(s);
  return current ? { kind: 'builtin', id: current.id } : null;
}

/**
 * The link of what is shown. The theme is the reader's own preference (kept in localStorage), so
 * it goes into a link only where asked (`withTheme`): an embed keeps the look its author picked.
 */
export function pageLinkState(
  s: PageInputs,
  step: number,
  embed?: EmbedOptions,
  withTheme = false,
): LinkState {
  const ref = scenarioRefOf(s);
  return {
    ...(ref ? { scenario: ref } : {}),
    ...(s.eraOverride !== null ? { era: s.eraOverride } : {}),
    ...(Object.keys(s.flagsOverride).length > 0 ? { flags: s.flagsOverride } : {}),
    step,
    ...(s.graphView !== 'matrix' ? { view: s.graphView } : {}),
    ...(withTheme && s.themeChosen ? { theme: s.theme } : {}),
    ...(embed ? { embed } : {}),
    ...modeOf(s),
  };
}

/** Lecture or compare mode, and the compare view's right side when the reader picked one. */
function modeOf(s: PageInputs): Pick<LinkState, 'mode' | 'compare'> {
  if (s.compareOn) {
    const side = s.compareSide;
    // a pick made for another scenario is not this one's: the default side opens instead
    return side && side.for === currentScenario(s)?.id
      ? { mode: 'compare', compare: { era: side.era, flags: side.flags } }
      : { mode: 'compare' };
  }
  return s.lectureOn ? { mode: 'lecture' } : {};
}

/** An absolute URL of the page (same path) with the query string of `state`. */
export function pageUrl(state: LinkState, location: Pick<Location, 'origin' | 'pathname'>): string {
  return `${location.origin}${location.pathname}${encodeLink(state)}`;
}
