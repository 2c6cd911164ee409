// The transport: start / previous op / back / play / step / next op / end, violation jumps,
// speed, whether to go by every micro-step, the step slider and the shortcut help. Buttons ask the
// machine what they may do.
import { MachineButton } from './MachineButton';
import { MicroToggle } from './MicroToggle';
import { ShortcutHelp } from './ShortcutHelp';
import { SpeedControl } from './SpeedControl';
import { Playback, useCursor, usePlaying, useTotal } from '../playback/playback';
import './playback.css';

/** The slider and the count: the bar's only parts that follow every step, so a scrub re-renders
 * these two and not the buttons around them. */
function StepSlider() {
  const actor = Playback.useActorRef();
  const cursor = useCursor();
  const total = useTotal();
  return (
    <>
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
    </>
  );
}

export function PlaybackBar() {
  const actor = Playback.useActorRef();
  const total = useTotal();
  const playing = usePlaying();
  const violations = Playback.useSelector((s) => s.context.marks.violations.length);
  // with changes known and micro off, Back / Step go by what changes in the graph
  const byChange = Playback.useSelector((s) => !s.context.micro && s.context.landings !== null);
  return (
    <div className="playback-bar" role="group" aria-label="Playback">
      <div className="transport">
        <MachineButton event={{ type: 'START' }} label="First step" shortcut="Home" testId="start">
          |◀
        </MachineButton>
        <MachineButton
          event={{ type: 'PREV_OP' }}
          label="Previous operation"
          shortcut="["
          testId="prev-op"
        >
          ◀◀<span className="btn-text op-text"> op</span>
        </MachineButton>
        <MachineButton
          event={{ type: 'BACK' }}
          label={byChange ? 'Back to the previous change in the graph' : 'Back one step'}
          shortcut={byChange ? '←; one micro-step: Shift+←' : '←'}
          testId="back"
        >
          ◀ <span className="btn-text">Back</span>
        </MachineButton>
        <button
          type="button"
          className="play"
          data-testid="play"
          disabled={total === 0}
          aria-pressed={playing}
          title="Play / pause (Space)"
          onClick={() => actor.send({ type: playing ? 'PAUSE' : 'PLAY' })}
        >
          {playing ? '❚❚ Pause' : '▶ Play'}
        </button>
        <MachineButton
          event={{ type: 'STEP' }}
          label={byChange ? 'Step to the next change in the graph' : 'Step forward'}
          shortcut={byChange ? '→; one micro-step: Shift+→' : '→'}
          testId="step"
        >
          <span className="btn-text">Step</span> ▶
        </MachineButton>
        <MachineButton
          event={{ type: 'NEXT_OP' }}
          label="Next operation"
          shortcut="]"
          testId="next-op"
        >
          <span className="btn-text op-text">op </span>▶▶
        </MachineButton>
        <MachineButton event={{ type: 'END' }} label="Last step" shortcut="End" testId="end">
          ▶|
        </MachineButton>
      </div>
      {violations > 0 && (
        <div className="violation-jumps" role="group" aria-label="Violations">
          <MachineButton
            event={{ type: 'PREV_VIOLATION' }}
            label="Previous violation"
            shortcut="Shift+v"
            testId="prev-violation"
            className="violation-jump"
          >
            ◀ ⚠
          </MachineButton>
          <MachineButton
            event={{ type: 'NEXT_VIOLATION' }}
            label="Next violation"
            shortcut="v"
            testId="next-violation"
            className="violation-jump"
          >
            ⚠ ▶
          </MachineButton>
        </div>
      )}
      <SpeedControl />
      <MicroToggle />
      <StepSlider />
      <ShortcutHelp />
    </div>
  );
}
