// One store from slices (zustand slices pattern). Components use narrow selectors.
import { create } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { StateCreator } from 'zustand';
import { createSessionSlice } from './sessionSlice';
import type { SessionSlice } from './sessionSlice';
import { createUiSlice } from './uiSlice';
import type { UiSlice } from './uiSlice';

export type AppState = SessionSlice & UiSlice;

const createAppState: StateCreator<AppState> = (...a) => ({
  ...createSessionSlice(...a),
  ...createUiSlice(...a),
});

/** The page's store. */
export const useAppStore = create<AppState>()(createAppState);

/** A fresh store outside React (tests, workers). */
export const createAppStore = () => createStore<AppState>()(createAppState);
