// A button that sends one playback event and is enabled exactly when the machine would take it
// (7GUIs BookButton: `state.can(event)`).
import type { ReactNode } from 'react';
import type { PlaybackCommand } from '../../machine/playback';
import { Playback } from '../playback/playback';

export interface MachineButtonProps {
  event: PlaybackCommand;
  /** accessible name, also the tooltip */
  label: string;
  testId: string;
  /** the key that does the same, shown in the tooltip */
  shortcut?: string;
  children: ReactNode;
  className?: string;
}

export function MachineButton({
  event,
  label,
  testId,
  shortcut,
  children,
  className,
}: MachineButtonProps) {
  const actor = Playback.useActorRef();
  const can = Playback.useSelector((s) => s.can(event));
  return (
    <button
      type="button"
      className={className}
      data-testid={testId}
      aria-label={label}
      title={shortcut ? `${label} (${shortcut})` : label}
      disabled={!can}
      onClick={() => actor.send(event)}
    >
      {children}
    </button>
  );
}
