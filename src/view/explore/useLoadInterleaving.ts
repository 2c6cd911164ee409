// "Load this interleaving": write a counterexample's schedules into the scenario (the store's
// setSchedule, one parallel block at a time) and, once the page has handed the new trace to the
// playback machine, move the cursor to the step where the violation shows.
import { useCallback, useEffect, useRef } from 'react';
import type { ExploreResult } from '../../kernel/explore';
import { sessionOf } from '../../session/current';
import type { Session, Trace } from '../../session/session';
import { useAppStore } from '../../store';
import { Playback } from '../playbackContext';
import { blockSchedules } from './exploreText';

export interface LoadOutcome {
  ok: boolean;
  /** the scenario the timeline now replays (null when loading failed) */
  scenario: Session['scenario'] | null;
  /** why it failed */
  error: string | null;
}

/** The cursor that shows a trace's first violation (null when the trace has none). */
export const violationCursor = (trace: Pick<Trace, 'violations'>): number | null =>
  trace.violations.length > 0 ? Math.min(...trace.violations.map((v) => v.step)) : null;

export function useLoadInterleaving(session: Session) {
  const actor = Playback.useActorRef();
  const pending = useRef<{ trace: Trace; to: number } | null>(null);

  // The page sends LOAD for a new trace in its own effect, which runs after this child's: the
  // seek waits for the next task so it lands on the new trace, not before its LOAD.
  useEffect(() => {
    const want = pending.current;
    if (!want || !session.ok || session.trace !== want.trace) return;
    pending.current = null;
    const timer = setTimeout(() => actor.send({ type: 'SEEK', to: want.to }), 0);
    return () => clearTimeout(timer);
  }, [actor, session]);

  return useCallback(
    (result: ExploreResult): LoadOutcome => {
      const { scenario } = session;
      for (const { op, schedule } of blockSchedules(scenario, result)) {
        if (!useAppStore.getState().setSchedule(op, schedule)) {
          const error = useAppStore.getState().actionError ?? 'the schedule was rejected';
          return { ok: false, scenario: null, error };
        }
      }
      const next = sessionOf(useAppStore.getState());
      if (!next?.ok) return { ok: false, scenario: null, error: 'the interleaving did not replay' };
      const to = violationCursor(next.trace) ?? next.trace.steps.length;
      if (session.ok && next.trace === session.trace) actor.send({ type: 'SEEK', to });
      else pending.current = { trace: next.trace, to };
      return { ok: true, scenario: next.scenario, error: null };
    },
    [actor, session],
  );
}
