// Messages for the reader that are not tied to one control: a link that could not be opened, an
// imported file that was rejected, a saved scenario that was skipped. Plain text, shown as text.
import type { StateCreator } from 'zustand';
import type { AppState } from './index';

export interface Notice {
  id: number;
  text: string;
  /** error: something the reader asked for was refused; info: done, or done differently */
  tone: 'error' | 'info';
}

const MAX_NOTICES = 5;

export interface NoticeSlice {
  notices: Notice[];
  notify: (text: string, tone?: Notice['tone']) => void;
  dismissNotice: (id: number) => void;
}

export const createNoticeSlice: StateCreator<AppState, [], [], NoticeSlice> = (set, get) => {
  let nextId = 1;
  return {
    notices: [],
    notify: (text, tone = 'error') => {
      const notice = { id: nextId++, text, tone };
      // the same sentence twice in a row is shown once; the oldest go first past the limit
      const kept = get().notices.filter((n) => n.text !== text);
      set({ notices: [...kept, notice].slice(-MAX_NOTICES) });
    },
    dismissNotice: (id) => set({ notices: get().notices.filter((n) => n.id !== id) }),
  };
};
