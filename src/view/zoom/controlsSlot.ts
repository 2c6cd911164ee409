// Where a pane's zoom buttons go: a frame around the pane (the graph toolbar) may offer a place
// for them in its own row, so they never sit over the drawing; without one, the pane puts them in
// a row of their own above it.
import { createContext } from 'react';

/** `present`: the frame offers a slot; `el`: the slot's element, once it is mounted. */
export interface ControlsSlot {
  present: boolean;
  el: HTMLElement | null;
}

export const ZoomControlsSlot = createContext<ControlsSlot>({ present: false, el: null });
