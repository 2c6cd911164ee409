// Playback speed: a select over the machine's speeds (also + and − on the keyboard).
import { SPEEDS } from '../../machine/marks';
import { DWELL_MS } from '../../machine/pace';
import { PLAY_INTERVAL_MS } from '../../machine/playback';
import { Playback } from '../playback/playback';

/** `2×` (`¼×` for fractions, which read better than 0.25). */
export function speedLabel(speed: number): string {
  const frac: Record<number, string> = { 0.25: '¼', 0.5: '½' };
  return `${frac[speed] ?? String(speed)}×`;
}

export function SpeedControl() {
  const actor = Playback.useActorRef();
  const speed = Playback.useSelector((s) => s.context.speed);
  const micro = Playback.useSelector((s) => s.context.micro || s.context.landings === null);
  const title = micro
    ? `Speed: ${((1000 / PLAY_INTERVAL_MS) * speed).toFixed(1)} steps per second (+ / −)`
    : `Speed: a change in the graph shows ${(DWELL_MS / 1000 / speed).toFixed(1)} s, a caption long enough to read (+ / −)`;
  return (
    <label className="speed-control" title={title}>
      <span className="visually-hidden">Speed</span>
      <select
        data-testid="speed"
        value={speed}
        onChange={(e) => actor.send({ type: 'SPEED', to: Number(e.target.value) })}
      >
        {SPEEDS.map((s) => (
          <option key={s} value={s}>
            {speedLabel(s)}
          </option>
        ))}
      </select>
    </label>
  );
}
