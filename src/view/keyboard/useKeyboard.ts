// The keyboard dispatcher (dispatch.ts) on the whole page: one window listener.
import { useEffect } from 'react';
import { useAppStore } from '../../store';
import { Playback } from '../playback/playback';
import { keyAction, perform } from './dispatch';

export function useKeyboard({ presenter }: { presenter: boolean }): void {
  const actor = Playback.useActorRef();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const { lectureOn, helpOpen, setLecture, setHelpOpen } = useAppStore.getState();
      const target = e.target instanceof HTMLElement ? e.target : null;
      const action = keyAction(e, target, { lecture: lectureOn, presenter, helpOpen });
      if (!action) return;
      e.preventDefault();
      perform(action, {
        send: (event) => actor.send(event),
        can: (event) => actor.getSnapshot().can(event),
        toggleLecture: () => setLecture(!useAppStore.getState().lectureOn),
        setHelpOpen,
      });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [actor, presenter]);
}
