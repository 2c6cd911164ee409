// Playback speed: a select over the machine's speeds (also + and − on the keyboard).
import { SPEEDS } from '../../machine/marks';
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
  const perSecond = (1000 / PLAY_INTERVAL_MS) * speed;
  return (
    <label className="speed-control" title={`${perSecond.toFixed(1)} steps per second (+ / −)`}>
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
