// Opens a decoded link in the store: the scenario first (a built-in or the link's own), then the
// era and each flag through the session actions, which replay before they commit. Whatever the
// model refuses is left out with a notice, so the page always opens something.
import type { StoreApi } from 'zustand';
import type { Flags } from '../kernel/flags';
import { currentScenario } from '../session/current';
import type { AppState } from '../store';
import type { LinkState } from './linkState';

type Store = Pick<StoreApi<AppState>, 'getState' | 'setState'>;

const GRAPH_VIEWS = ['matrix', 'pointers'] as const;

/** The sentence for a refused action: the store's own error, then the state is left as it was. */
function refused(store: Store, what: string): string {
  const why = store.getState().actionError;
  store.getState().dismissActionError();
  return `${what}${why ? `: ${why}` : ''}.`;
}

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
  else if (ref?.kind === 'custom' && !s().loadScenario(ref.scenario)) {
    const what = `The scenario ${of} cannot be replayed`;
    notices.push(
      refused(store, source === 'link' ? `${what}, the default scenario opened instead` : what),
    );
    opened = false;
  }
  if (opened && state.era !== undefined && !s().setEra(state.era)) {
    notices.push(refused(store, `The era ${state.era} ${of} cannot be applied`));
  }
  if (opened && state.flags) {
    for (const [name, value] of Object.entries(state.flags) as [
      keyof Flags,
      Flags[keyof Flags],
    ][]) {
      if (!s().setFlag(name, value))
        notices.push(refused(store, `The flag ${name} ${of} cannot be applied`));
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
