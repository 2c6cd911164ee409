// Opens a decoded link in the store: the scenario first (a built-in or the link's own), then the
// era and each flag through the session actions, which replay before they commit. Whatever the
// model refuses is left out with a notice, so the page always opens something.
import type { StoreApi } from 'zustand';
import type { Flags } from '../kernel/flags';
import { isBigScenario } from '../session/bigScenario';
import { currentScenario } from '../session/current';
import { openBig } from '../session/bigLoads';
import type { AppState } from '../store';
import type { LinkState } from '../codecs/linkState';

type Store = Pick<StoreApi<AppState>, 'getState' | 'setState'>;

const GRAPH_VIEWS = ['matrix', 'pointers'] as const;

/** The sentence for a refused action, with the model's reason. */
const refused = (what: string, why: string): string => `${what}: ${why}.`;

/**
 * Applies `state` to the store and returns the notices for what could not be applied. The step is
 * not the store's (it belongs to the playback machine): the caller opens the page at it.
 */
export function applyLink(
  state: LinkState,
  store: Store,
  source: 'link' | 'saved' = 'link',
): string[] {
  const of = source === 'link' ? 'of this link' : 'of the saved scenario';
  const notices: string[] = [];
  const s = () => store.getState();
  const ref = state.scenario;
  let opened = true;
  if (ref?.kind === 'builtin') s().loadBuiltin(ref.id);
  else if (ref?.kind === 'custom' && isBigScenario(ref.scenario)) {
    // replayed in the load worker under the link's era and flags, which opens it or says why not
    openBig({
      scenario: ref.scenario,
      file: null,
      source: 'link',
      era: state.era ?? null,
      flags: state.flags ?? {},
      ...(state.step !== undefined ? { step: state.step } : {}),
    });
    opened = false;
  } else if (ref?.kind === 'custom') {
    const loaded = s().loadScenario(ref.scenario);
    if (!loaded.ok) {
      const what = `The scenario ${of} cannot be replayed`;
      const full = source === 'link' ? `${what}, the default scenario opened instead` : what;
      notices.push(refused(full, loaded.error));
      opened = false;
    }
  }
  if (opened && state.era !== undefined) {
    const set = s().setEra(state.era);
    if (!set.ok) notices.push(refused(`The era ${state.era} ${of} cannot be applied`, set.error));
  }
  if (opened && state.flags) {
    for (const [name, value] of Object.entries(state.flags) as [
      keyof Flags,
      Flags[keyof Flags],
    ][]) {
      const set = s().setFlag(name, value);
      if (!set.ok) notices.push(refused(`The flag ${name} ${of} cannot be applied`, set.error));
    }
  }
  if (state.mode === 'lecture') s().setLecture(true);
  if (state.mode === 'compare') {
    s().setCompare(true);
    const side = state.compare;
    const current = currentScenario(s());
    if (opened && side && current) {
      const era = side.era ?? s().eraOverride ?? current.scenario.era;
      s().setCompareSide(current.id, { era, flags: side.flags ?? {} });
    }
  }
  // a theme from a link is for this visit: it is not saved as the reader's own choice
  if (state.theme) store.setState({ theme: state.theme, themeChosen: true });
  if (state.view !== undefined) {
    const view = GRAPH_VIEWS.find((v) => v === state.view);
    if (view) s().setGraphView(view);
    else notices.push(`Ignored the view "${state.view}" ${of}: no such view.`);
  }
  return notices;
}
