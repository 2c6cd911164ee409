// The playback shortcuts (controls/shortcuts.ts) on the whole page, unless a form control has the
// focus. The help popover listens for its own key.
import { useEffect } from 'react';
import { eventForKey, ignoresKey } from './controls/shortcuts';
import { Playback } from './playbackContext';

export function useKeyboard(): void {
  const actor = Playback.useActorRef();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || ignoresKey(e, e.target as HTMLElement | null)) return;
      const event = eventForKey(e.key);
      if (!event) return;
      e.preventDefault();
      actor.send(event);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [actor]);
}
