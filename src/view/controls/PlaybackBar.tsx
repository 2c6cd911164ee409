// Back / Play / Step buttons and the step slider. Buttons ask the machine what they may do.
import { Playback, useCursor, usePlaying, useTotal } from '../playbackContext';

export function PlaybackBar() {
  const actor = Playback.useActorRef();
  const cursor = useCursor();
  const total = useTotal();
  const playing = usePlaying();
  const canBack = Playback.useSelector((s) => s.can({ type: 'BACK' }));
  const canStep = Playback.useSelector((s) => s.can({ type: 'STEP' }));
  return (
    <div className="playback-bar" role="group" aria-label="Playback">
      <button
        type="button"
        data-testid="back"
        disabled={!canBack}
        onClick={() => actor.send({ type: 'BACK' })}
      >
        ◀ Back
      </button>
      <button
        type="button"
        data-testid="play"
        disabled={total === 0}
        aria-pressed={playing}
        onClick={() => actor.send({ type: playing ? 'PAUSE' : 'PLAY' })}
      >
        {playing ? '❚❚ Pause' : '▶ Play'}
      </button>
      <button
        type="button"
        data-testid="step"
        disabled={!canStep}
        onClick={() => actor.send({ type: 'STEP' })}
      >
        Step ▶
      </button>
      <input
        type="range"
        data-testid="step-slider"
        aria-label="Micro-step"
        min={0}
        max={total}
        step={1}
        value={cursor}
        onChange={(e) => actor.send({ type: 'SEEK', to: Number(e.target.value) })}
      />
      <output className="step-count" data-testid="step-count" aria-live="off">
        {`${cursor} / ${total}`}
      </output>
    </div>
  );
}
