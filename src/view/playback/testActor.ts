// A started playback actor over `trace`, for component tests (the page's comes from its controller).
import { createActor } from 'xstate';
import { pagePlaybackMachine } from '../../app/controller';
import type { PlaybackActor } from '../../app/controller';
import type { CursorPlace } from '../../machine/playback';
import type { Trace } from '../../session/traces';

export function playbackActor(trace: Trace | null, cursor: CursorPlace = 'start'): PlaybackActor {
  return createActor(pagePlaybackMachine, { input: { trace, cursor } }).start();
}
