// The link the page was opened with: decoded, applied to the store, and what could not be opened
// told to the reader (never a blank page: the default scenario opens instead).
import { builtinScenarios } from '../scenarios';
import { useAppStore } from '../store';
import { applyLink } from './applyLink';
import type { LinkState } from '../codecs/linkState';
import { decodeLink } from '../codecs/urlCodec';

export function openLink(search: string): LinkState {
  const decoded = decodeLink(search, { builtinIds: builtinScenarios.map((b) => b.id) });
  const notices = [...decoded.notices, ...applyLink(decoded.state, useAppStore)];
  for (const text of notices) useAppStore.getState().notify(text, 'error');
  // a step belongs to the scenario it was taken in: not kept when that scenario did not open
  const lost = decoded.state.scenario?.kind === 'custom' && useAppStore.getState().custom === null;
  if (!lost) return decoded.state;
  const { step: _dropped, ...rest } = decoded.state;
  return rest;
}
