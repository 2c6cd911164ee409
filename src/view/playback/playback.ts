// The page's playback actor (created by the controller, src/app/controller.ts), shared with the
// components through React context, and the narrow selectors they read it with (STYLE.md 6).
// The trace and the cursor come from one snapshot, so a cursor never points past its trace.
import { useSelector } from '@xstate/react';
import { createContext, useContext } from 'react';
import type { SnapshotFrom } from 'xstate';
import type { PagePlaybackMachine, PlaybackActor } from '../../app/controller';
import type { Trace } from '../../session/traces';

const PlaybackActorContext = createContext<PlaybackActor | null>(null);

type PlaybackSnapshot = SnapshotFrom<PagePlaybackMachine>;

function usePlaybackActor(): PlaybackActor {
  const actor = useContext(PlaybackActorContext);
  if (!actor) throw new Error('no playback actor: render inside <Playback.Provider value={actor}>');
  return actor;
}

function usePlaybackSelector<T>(
  selector: (s: PlaybackSnapshot) => T,
  compare?: (a: T, b: T) => boolean,
): T {
  return useSelector(usePlaybackActor(), selector, compare);
}

export const Playback = {
  /** `<Playback.Provider value={actor}>` */
  Provider: PlaybackActorContext.Provider,
  useActorRef: usePlaybackActor,
  useSelector: usePlaybackSelector,
};

/** The cursor: micro-steps taken, 0..total of the machine's trace. */
export const useCursor = () => usePlaybackSelector((s) => s.context.cursor);
export const useTotal = () => usePlaybackSelector((s) => s.context.total);
export const usePlaying = () => usePlaybackSelector((s) => s.matches('playing'));
/** The trace being played (null when the scenario did not replay). */
export const useShownTrace = (): Trace | null => usePlaybackSelector((s) => s.context.trace);

/** The trace and the cursor over it, from one snapshot (null when nothing replays). */
export function usePlayhead(): { trace: Trace; cursor: number } | null {
  const trace = useShownTrace();
  const cursor = useCursor();
  return trace ? { trace, cursor } : null;
}
