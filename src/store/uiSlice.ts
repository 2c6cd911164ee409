// What only the page cares about: which object the pointer is over, whether the shortcut help
// is open (the keyboard dispatcher toggles it).
import type { StateCreator } from 'zustand';
import type { AppState } from './index';

export interface UiSlice {
  /** data-id of the hovered object (`pid:start`, `avN`, ...), or null */
  hovered: string | null;
  setHovered: (id: string | null) => void;
  helpOpen: boolean;
  setHelpOpen: (open: boolean) => void;
}

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  hovered: null,
  setHovered: (id) => set({ hovered: id }),
  helpOpen: false,
  setHelpOpen: (open) => set({ helpOpen: open }),
});
