// The page's one notification surface: a link that could not be opened, a file that was rejected
// or opened, an edit the model refused, a saved scenario that was skipped. Plain text, shown as
// text (view/share/NoticeList.tsx).
import type { StateCreator } from 'zustand';
import type { AppState } from './index';
import type { ActionResult } from './sessionSlice';

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
  /** tells why an action was refused (nothing when it was done); returns the result */
  notifyRefusal: (result: ActionResult) => ActionResult;
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
    notifyRefusal: (result) => {
      if (!result.ok)
        get().notify(`Not applied: ${sentence(result.error)} The forest is unchanged.`);
      return result;
    },
  };
};

/** `text` ending as a sentence. */
export function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
