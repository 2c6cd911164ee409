// What the graph shows around the forest: the selected object (the inspector prints it) and
// which drawing of the forest is open. Hover lives in uiSlice (`hovered`). The objects themselves
// are never copied here: a selection is a kind and a Contract 4 data-id, looked up in the trace.
import type { StateCreator } from 'zustand';
import type { AppState } from './index';

export type ObjectKind = 'process' | 'vma' | 'anon_vma' | 'avc' | 'page';

/** A `pid:addr` page and a `pid:start` VMA can share an id, so a selection names the kind too. */
export interface Selection {
  kind: ObjectKind;
  id: string;
}

export type GraphView = 'matrix' | 'pointers';

export interface SelectionSlice {
  selected: Selection | null;
  graphView: GraphView;
  select: (sel: Selection | null) => void;
  setGraphView: (view: GraphView) => void;
}

export const createSelectionSlice: StateCreator<AppState, [], [], SelectionSlice> = (set) => ({
  selected: null,
  graphView: 'matrix',
  select: (sel) => set({ selected: sel }),
  setGraphView: (view) => set({ graphView: view }),
});

/** Whether `sel` names the object `kind`/`id` (a narrow selector for one drawn object). */
export const isSelected = (sel: Selection | null, kind: ObjectKind, id: string): boolean =>
  sel !== null && sel.kind === kind && sel.id === id;
