// What only the page cares about: which object the pointer is over.
import type { StateCreator } from 'zustand';
import type { AppState } from './index';

export interface UiSlice {
  /** data-id of the hovered object (`pid:start`, `avN`, ...), or null */
  hovered: string | null;
  setHovered: (id: string | null) => void;
}

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  hovered: null,
  setHovered: (id) => set({ hovered: id }),
});
