// "Load this interleaving": write a counterexample's schedules into the scenario (the store's
// setSchedule, one parallel block at a time) and move the cursor to the step where the violation
// shows. The page's controller hands each new trace to the playback machine in the same tick as
// the store change, so the machine already plays the new trace when the seek is sent.
import { useCallback } from 'react';
import type { ExploreResult } from '../../kernel/explore';
import { sessionOf } from '../../session/current';
import type { Session, Trace } from '../../session/session';
import { useAppStore } from '../../store';
import { Playback } from '../playback/playback';
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

  return useCallback(
    (result: ExploreResult): LoadOutcome => {
      const { scenario } = session;
      for (const { op, schedule } of blockSchedules(scenario, result)) {
        const set = useAppStore.getState().setSchedule(op, schedule);
        if (!set.ok) return { ok: false, scenario: null, error: set.error };
      }
      const next = sessionOf(useAppStore.getState());
      if (!next?.ok) return { ok: false, scenario: null, error: 'the interleaving did not replay' };
      const to = violationCursor(next.trace) ?? next.trace.steps.length;
      actor.send({ type: 'SEEK', to });
      return { ok: true, scenario: next.scenario, error: null };
    },
    [actor, session],
  );
}
