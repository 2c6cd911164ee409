// The tab's title names what is shown, so a tab among many (or a bookmark, or a shared link's
// preview) says which scenario and which kernel era it holds.
import { useEffect } from 'react';

export const APP_NAME = 'anon-vma-forest';

/** "‹scenario title› — ‹era› — anon-vma-forest" (the app's name alone when nothing is open). */
export function documentTitle(scenarioTitle: string | null, era: string | null): string {
  const parts = [scenarioTitle?.replace(/\s+/g, ' ').trim(), era].filter(
    (p): p is string => typeof p === 'string' && p !== '',
  );
  return [...parts, APP_NAME].join(' — ');
}

export function useDocumentTitle(scenarioTitle: string | null, era: string | null): void {
  const title = documentTitle(scenarioTitle, era);
  useEffect(() => {
    document.title = title;
  }, [title]);
}
