// The colour theme. The user's choice is remembered in localStorage; without one (or where storage
// is unavailable: private mode, sandboxed iframes, Node) the system's prefers-color-scheme decides.
import type { StateCreator } from 'zustand';
import type { AppState } from './index';

export type Theme = 'light' | 'dark';

export const THEME_STORAGE_KEY = 'anon-vma-forest:theme';

export interface ThemeSlice {
  theme: Theme;
  /** true once the user picked a theme (then the system setting no longer follows) */
  themeChosen: boolean;
  setTheme: (theme: Theme) => void;
  toggleTheme: () => void;
  /** the system preference changed: followed unless the user picked a theme */
  followSystemTheme: (theme: Theme) => void;
}

export const isTheme = (value: unknown): value is Theme => value === 'light' || value === 'dark';

/** The saved theme, or null: storage may be missing or throw (SecurityError in some iframes). */
export function readStoredTheme(storage: Pick<Storage, 'getItem'> | undefined): Theme | null {
  try {
    const value = storage?.getItem(THEME_STORAGE_KEY);
    return isTheme(value) ? value : null;
  } catch {
    return null;
  }
}

export function writeStoredTheme(storage: Pick<Storage, 'setItem'> | undefined, theme: Theme) {
  try {
    storage?.setItem(THEME_STORAGE_KEY, theme);
  } catch {
    // Quota or privacy settings: the theme still applies for this visit.
  }
}

/** The system preference; light where there is no matchMedia (Node, old browsers). */
export function systemTheme(): Theme {
  if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return 'light';
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

function browserStorage(): Storage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.localStorage;
  } catch {
    return undefined;
  }
}

export const createThemeSlice: StateCreator<AppState, [], [], ThemeSlice> = (set, get) => {
  const stored = readStoredTheme(browserStorage());
  const setTheme = (theme: Theme) => {
    writeStoredTheme(browserStorage(), theme);
    set({ theme, themeChosen: true });
  };
  return {
    theme: stored ?? systemTheme(),
    themeChosen: stored !== null,
    setTheme,
    toggleTheme: () => setTheme(get().theme === 'dark' ? 'light' : 'dark'),
    followSystemTheme: (theme) => {
      if (!get().themeChosen) set({ theme });
    },
  };
};
