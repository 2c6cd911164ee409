// One store from slices (zustand slices pattern). Components use narrow selectors.
import { create } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { StateCreator } from 'zustand';
import { createCompareSlice } from './compareSlice';
import type { CompareSlice } from './compareSlice';
import { createNoticeSlice } from './noticeSlice';
import type { NoticeSlice } from './noticeSlice';
import { createSelectionSlice } from './selectionSlice';
import type { SelectionSlice } from './selectionSlice';
import { createSessionSlice } from './sessionSlice';
import type { SessionSlice } from './sessionSlice';
import { createThemeSlice } from './themeSlice';
import type { ThemeSlice } from './themeSlice';
import { createUiSlice } from './uiSlice';
import type { UiSlice } from './uiSlice';

export type AppState = SessionSlice &
  UiSlice &
  ThemeSlice &
  SelectionSlice &
  NoticeSlice &
  CompareSlice;

const createAppState: StateCreator<AppState> = (...a) => ({
  ...createSessionSlice(...a),
  ...createUiSlice(...a),
  ...createThemeSlice(...a),
  ...createSelectionSlice(...a),
  ...createNoticeSlice(...a),
  ...createCompareSlice(...a),
});

/** The page's store. */
export const useAppStore = create<AppState>()(createAppState);

/** A fresh store outside React (tests, workers). */
export const createAppStore = () => createStore<AppState>()(createAppState);
