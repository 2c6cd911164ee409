// Mirrors the theme onto <html> (data-theme), so the page background, scrollbars and native
// controls outside the app root follow it too; follows the system setting until the user picks.
import { useEffect } from 'react';
import { useAppStore } from '../../store';
import type { Theme } from '../../store/themeSlice';
import './theme.css';

export function useThemeRoot(): Theme {
  const theme = useAppStore((s) => s.theme);
  const followSystemTheme = useAppStore((s) => s.followSystemTheme);
  useEffect(() => {
    document.documentElement.dataset['theme'] = theme;
  }, [theme]);
  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return;
    const query = window.matchMedia('(prefers-color-scheme: dark)');
    const onChange = () => followSystemTheme(query.matches ? 'dark' : 'light');
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, [followSystemTheme]);
  return theme;
}
