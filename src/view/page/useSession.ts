// The open session (scenario replayed under an era, flags and mode), derived from the store.
import { useMemo } from 'react';
import { sessionOf } from '../../session/current';
import type { Session } from '../../session/session';
import { useAppStore } from '../../store';

/** null when there is no built-in scenario at all. */
export function useSession(): Session | null {
  const scenarioId = useAppStore((s) => s.scenarioId);
  const custom = useAppStore((s) => s.custom);
  const eraOverride = useAppStore((s) => s.eraOverride);
  const flagsOverride = useAppStore((s) => s.flagsOverride);
  const interactive = useAppStore((s) => s.interactive);
  return useMemo(
    () => sessionOf({ scenarioId, custom, eraOverride, flagsOverride, interactive }),
    [scenarioId, custom, eraOverride, flagsOverride, interactive],
  );
}
