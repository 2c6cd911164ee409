// Whether → and play go by every micro-step or by what changes in the graph (the default: steps
// that change nothing drawn are passed). The reader's choice is remembered like the theme.
import { writeMicroPreference } from '../../storage/stepPreference';
import { Playback } from '../playback/playback';

export function MicroToggle() {
  const actor = Playback.useActorRef();
  const micro = Playback.useSelector((s) => s.context.micro);
  return (
    <label
      className="micro-toggle"
      title="Off: → and Play go from one change in the graph to the next, passing steps that change nothing drawn. On: every micro-step alike. Shift+→ takes one micro-step either way."
    >
      <input
        type="checkbox"
        data-testid="every-micro-step"
        aria-label="Every micro-step: step and play without passing the steps that change nothing drawn"
        checked={micro}
        onChange={(e) => {
          actor.send({ type: 'MICRO', on: e.target.checked });
          writeMicroPreference(e.target.checked);
        }}
      />
      <span>
        <span className="micro-every">every </span>micro-step
      </span>
    </label>
  );
}
