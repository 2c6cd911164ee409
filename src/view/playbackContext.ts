// The playback actor, shared by the page's components through React context.
import { createActorContext } from '@xstate/react';
import { playbackMachine } from '../machine/playback';

export const Playback = createActorContext(playbackMachine);

/** The cursor: micro-steps taken, 0..total. */
export const useCursor = () => Playback.useSelector((s) => s.context.cursor);
export const useTotal = () => Playback.useSelector((s) => s.context.total);
export const usePlaying = () => Playback.useSelector((s) => s.matches('playing'));
