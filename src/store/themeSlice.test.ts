import { describe, expect, it } from 'vitest';
import { createAppStore } from './index';
import { THEME_STORAGE_KEY, isTheme, readStoredTheme, writeStoredTheme } from './themeSlice';

const memory = (init: Record<string, string> = {}) => {
  const data = new Map(Object.entries(init));
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    data,
  };
};
const throwing = {
  getItem: (): string | null => {
    throw new Error('SecurityError');
  },
  setItem: (): void => {
    throw new Error('QuotaExceededError');
  },
};

describe('theme slice', () => {
  it('starts light outside a browser (no storage, no matchMedia)', () => {
    const s = createAppStore().getState();
    expect(s.theme).toBe('light');
    expect(s.themeChosen).toBe(false);
  });

  it('toggles and remembers that the user chose', () => {
    const store = createAppStore();
    store.getState().toggleTheme();
    expect(store.getState()).toMatchObject({ theme: 'dark', themeChosen: true });
    store.getState().toggleTheme();
    expect(store.getState().theme).toBe('light');
  });

  it('follows the system setting only until the user picks', () => {
    const store = createAppStore();
    store.getState().followSystemTheme('dark');
    expect(store.getState().theme).toBe('dark');
    store.getState().setTheme('light');
    store.getState().followSystemTheme('dark');
    expect(store.getState().theme).toBe('light');
  });
});

describe('theme storage', () => {
  it('reads back what it wrote', () => {
    const storage = memory();
    writeStoredTheme(storage, 'dark');
    expect(storage.data.get(THEME_STORAGE_KEY)).toBe('dark');
    expect(readStoredTheme(storage)).toBe('dark');
  });

  it('ignores values that are not a theme', () => {
    expect(readStoredTheme(memory({ [THEME_STORAGE_KEY]: 'sepia' }))).toBeNull();
    expect(readStoredTheme(memory())).toBeNull();
    expect(isTheme('light')).toBe(true);
    expect(isTheme(null)).toBe(false);
  });

  it('survives storage that throws or is missing', () => {
    expect(readStoredTheme(throwing)).toBeNull();
    expect(() => writeStoredTheme(throwing, 'dark')).not.toThrow();
    expect(readStoredTheme(undefined)).toBeNull();
    expect(() => writeStoredTheme(undefined, 'light')).not.toThrow();
  });
});
