// Compare view and lecture mode: whether each is on, and the right pane's era and flags. The
// right pane's choice belongs to one scenario: another scenario falls back to its own default
// (view/compare/rightSide.ts), so `compareSide` remembers which scenario it was picked for.
import type { StateCreator } from 'zustand';
import type { EraId, Flags } from '../kernel/flags';
import type { AppState } from './index';

/** What the right pane of the compare view replays: an era and flags on top of its preset. */
export interface CompareSide {
  era: EraId;
  flags: Partial<Flags>;
}

export interface CompareSlice {
  compareOn: boolean;
  /** the user's pick for the right pane, and the scenario id it was made for; null: default */
  compareSide: (CompareSide & { for: string }) | null;
  lectureOn: boolean;
  setCompare: (on: boolean) => void;
  setCompareSide: (forId: string, side: CompareSide) => void;
  setLecture: (on: boolean) => void;
}

export const createCompareSlice: StateCreator<AppState, [], [], CompareSlice> = (set) => ({
  compareOn: false,
  compareSide: null,
  lectureOn: false,
  setCompare: (on) => set({ compareOn: on }),
  setCompareSide: (forId, side) => set({ compareSide: { ...side, for: forId } }),
  setLecture: (on) => set({ lectureOn: on }),
});
