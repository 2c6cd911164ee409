// The open session (scenario replayed under an era), derived from the store.
import { useMemo } from 'react';
import { cachedSession } from '../session/session';
import type { Session } from '../session/session';
import { findScenario } from '../session/catalog';
import { useAppStore } from '../store';

/** null when there is no built-in scenario at all. */
export function useSession(): Session | null {
  const scenarioId = useAppStore((s) => s.scenarioId);
  const eraOverride = useAppStore((s) => s.eraOverride);
  return useMemo(() => {
    const entry = findScenario(scenarioId);
    return entry ? cachedSession(entry.id, entry.scenario, eraOverride) : null;
  }, [scenarioId, eraOverride]);
}
