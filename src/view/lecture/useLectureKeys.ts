// The presenter keys (controls/shortcuts.ts PRESENTER_SHORTCUTS): `p` toggles lecture mode,
// `.` / `,` (and a clicker's PageDown / PageUp while lecturing) jump between narrated ops. The
// listener runs in the capture phase so, in lecture mode, it takes PageDown / PageUp before the
// playback shortcuts' op jumps see them.
import { useEffect, useRef } from 'react';
import { ignoresKey, presenterActionForKey } from '../controls/shortcuts';
import { Playback } from '../playbackContext';
import { useAppStore } from '../../store';
import { nextStop } from './narratedStops';

export function useLectureKeys(stops: readonly number[]): void {
  const actor = Playback.useActorRef();
  const stopsRef = useRef(stops);
  useEffect(() => {
    stopsRef.current = stops;
  }, [stops]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || ignoresKey(e, e.target as HTMLElement | null)) return;
      const { lectureOn, setLecture } = useAppStore.getState();
      const action = presenterActionForKey(e.key, lectureOn);
      if (action === null) return;
      e.preventDefault();
      if (action === 'lecture') {
        setLecture(!lectureOn);
        return;
      }
      const cursor = actor.getSnapshot().context.cursor;
      const to = nextStop(stopsRef.current, cursor, action === 'next-narrated' ? 1 : -1);
      if (to !== null) actor.send({ type: 'SEEK', to });
      // past the last caption a clicker still moves on, op by op
      else if (e.key === 'PageDown' || e.key === 'PageUp')
        actor.send({ type: e.key === 'PageDown' ? 'NEXT_OP' : 'PREV_OP' });
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [actor]);
}
