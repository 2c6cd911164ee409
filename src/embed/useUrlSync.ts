// Writes the page state into the URL (replaceState, debounced: browsers throttle rapid calls).
import { useEffect } from 'react';
import type { EraId } from '../kernel/flags';
import { formatUrlState } from './urlState';

const DEBOUNCE_MS = 150;

export function useUrlSync(state: {
  scenario: string;
  era: EraId | null;
  step: number;
  embed: boolean;
}): void {
  const { scenario, era, step, embed } = state;
  useEffect(() => {
    const timer = window.setTimeout(() => {
      const search = formatUrlState({
        scenario,
        ...(era !== null ? { era } : {}),
        step,
        embed,
      });
      if (search !== window.location.search) {
        window.history.replaceState(
          window.history.state,
          '',
          `${window.location.pathname}${search}`,
        );
      }
    }, DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [scenario, era, step, embed]);
}
