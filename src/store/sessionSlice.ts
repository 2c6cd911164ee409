// Which scenario is open and under which era. The trace itself is derived from these
// (src/session/) and the cursor lives in the playback machine, never here (STYLE.md 5).
import type { StateCreator } from 'zustand';
import type { EraId } from '../kernel/flags';
import type { AppState } from './index';

export interface SessionSlice {
  /** id of a built-in scenario; null: the first one */
  scenarioId: string | null;
  /** era picked by the user; null: the scenario's own era */
  eraOverride: EraId | null;
  selectScenario: (id: string) => void;
  setEra: (era: EraId | null) => void;
}

export const createSessionSlice: StateCreator<AppState, [], [], SessionSlice> = (set) => ({
  scenarioId: null,
  eraOverride: null,
  // Another scenario starts under its own era.
  selectScenario: (id) => set({ scenarioId: id, eraOverride: null }),
  setEra: (era) => set({ eraOverride: era }),
});
