// Embed options that drive playback: speed and autoplay once when the page opens, and the
// playable range (`start`..`end`, with `loop`) kept by moving the cursor back inside it. The
// playback machine knows nothing of ranges; this hook only sends it its ordinary events.
import { useEffect, useRef } from 'react';
import { PLAY_INTERVAL_MS } from '../machine/playback';
import { Playback, useCursor, usePlaying, useTotal } from '../view/playbackContext';
import { clampToRange, playFrom, rangeOf } from './embedRange';
import type { StepRange } from './embedRange';
import type { EmbedOptions } from './linkState';

/** Pause at the end of a loop before starting over, so the last step is seen. */
const LOOP_PAUSE_MS = 1200;

export function useEmbedPlayback(options: EmbedOptions | undefined): StepRange {
  const actor = Playback.useActorRef();
  const cursor = useCursor();
  const total = useTotal();
  const playing = usePlaying();
  const range = rangeOf(options, total);
  const { lo, hi } = range;
  const wasPlaying = useRef(false);
  const loop = options?.loop ?? false;

  // Once, when the page opens: the embed's speed, then play.
  useEffect(() => {
    if (options?.speed !== undefined) actor.send({ type: 'SPEED', to: options.speed });
    if (options?.autoplay) {
      const from = playFrom(
        actor.getSnapshot().context.cursor,
        rangeOf(options, actor.getSnapshot().context.total),
      );
      if (from !== null) actor.send({ type: 'SEEK', to: from });
      actor.send({ type: 'PLAY' });
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the link's options, once
  }, [actor]);

  useEffect(() => {
    if (!options) return;
    const played = wasPlaying.current;
    wasPlaying.current = playing;
    if (cursor !== clampToRange(cursor, range)) {
      actor.send({ type: 'SEEK', to: clampToRange(cursor, range) });
      return;
    }
    // The end of the range: stop there (the machine stops by itself at the end of the trace).
    if (cursor !== hi || !(playing || played)) return;
    if (playing) actor.send({ type: 'PAUSE' });
    if (!loop) return;
    const timer = window.setTimeout(
      () => {
        actor.send({ type: 'SEEK', to: lo });
        actor.send({ type: 'PLAY' });
      },
      Math.max(LOOP_PAUSE_MS, PLAY_INTERVAL_MS),
    );
    return () => window.clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- range is lo/hi
  }, [actor, options, cursor, playing, lo, hi, loop]);

  return range;
}
