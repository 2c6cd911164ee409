// Arrow keys step, space plays or pauses, Home/End jump: unless a form control has the focus.
import { useEffect } from 'react';
import { Playback } from './playbackContext';

const FORM_TAGS = new Set(['INPUT', 'SELECT', 'TEXTAREA', 'BUTTON']);

export function useKeyboard(): void {
  const actor = Playback.useActorRef();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const target = e.target as HTMLElement | null;
      if (target && FORM_TAGS.has(target.tagName)) return;
      const total = actor.getSnapshot().context.total;
      const event =
        e.key === 'ArrowRight'
          ? ({ type: 'STEP' } as const)
          : e.key === 'ArrowLeft'
            ? ({ type: 'BACK' } as const)
            : e.key === ' '
              ? ({ type: 'TOGGLE' } as const)
              : e.key === 'Home'
                ? ({ type: 'SEEK', to: 0 } as const)
                : e.key === 'End'
                  ? ({ type: 'SEEK', to: total } as const)
                  : null;
      if (!event) return;
      e.preventDefault();
      actor.send(event);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [actor]);
}
