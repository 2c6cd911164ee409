// The reader's saved scenarios as picker entries (the "Your saved scenarios" group), read from
// localStorage after the first paint and again whenever the list changes (this tab's share
// menu, or another tab), and how the picker opens one.
import { useEffect, useState } from 'react';
import { applyLink } from '../../app/applyLink';
import { browserStorage, listSaved, SAVED_PREFIX } from '../../storage/savedScenarios';
import type { SavedScenario } from '../../storage/savedScenarios';
import { useAppStore } from '../../store';
import type { SearchEntry } from './scenarioSearch';

/** Dispatched on window by whatever saves or deletes a saved scenario in this tab. */
export const SAVED_CHANGED = 'anon-vma-forest:saved-changed';
const SAVED_ID = 'saved:';

export interface SavedEntry extends SearchEntry {
  saved: true;
  entry: SavedScenario;
}

function readSaved(): SavedEntry[] {
  return listSaved(browserStorage()).entries.map((entry) => ({
    id: `${SAVED_ID}${entry.id}`,
    title: entry.name,
    scenario: entry.scenario,
    saved: true,
    entry,
  }));
}

export function useSavedEntries(): SavedEntry[] {
  const [entries, setEntries] = useState<SavedEntry[]>([]);
  useEffect(() => {
    const read = () => setEntries(readSaved());
    read();
    const onStorage = (e: StorageEvent) => {
      if (e.key === null || e.key.startsWith(SAVED_PREFIX)) read();
    };
    window.addEventListener(SAVED_CHANGED, read);
    window.addEventListener('storage', onStorage);
    return () => {
      window.removeEventListener(SAVED_CHANGED, read);
      window.removeEventListener('storage', onStorage);
    };
  }, []);
  return entries;
}

/** Opens a saved scenario with its era and flags; what the model refuses becomes a notice. */
export function openSaved(entry: SavedScenario): void {
  const link = {
    scenario: { kind: 'custom', scenario: entry.scenario } as const,
    ...(entry.era ? { era: entry.era } : {}),
    ...(entry.flags ? { flags: entry.flags } : {}),
  };
  for (const text of applyLink(link, useAppStore, 'saved')) useAppStore.getState().notify(text);
}

/** The saved entry an id of the picker names, if it names one. */
export function savedOf(entries: readonly SavedEntry[], id: string): SavedEntry | undefined {
  return id.startsWith(SAVED_ID) ? entries.find((e) => e.id === id) : undefined;
}
