// The home page's first line: the tour is open at its first caption, and this says what to do
// next. It sits between the playback bar and the graph (never over the drawing) and leaves as soon
// as the reader plays, steps or opens something else, or dismisses it.
import { useEffect, useRef } from 'react';
import { Playback, useCursor, usePlaying, useShownTrace } from '../playback/playback';
import './invitation.css';

export function Invitation({ onDone }: { onDone: () => void }) {
  const cursor = useCursor();
  const playing = usePlaying();
  const trace = useShownTrace();
  const first = useRef({ cursor, trace });
  const total = Playback.useSelector((s) => s.context.total);
  useEffect(() => {
    if (playing || cursor !== first.current.cursor || trace !== first.current.trace) onDone();
  }, [playing, cursor, trace, onDone]);
  if (total === 0) return null;
  return (
    <p className="invitation" data-testid="invitation" role="note">
      <span>
        Press <strong>▶ Play</strong> or <kbd>→</kbd> to step through this tour; pick another in the
        list <span className="where-top">at the top</span>
        <span className="where-foot">at the foot of the page</span>.
      </span>
      <button type="button" aria-label="Dismiss" title="Dismiss" onClick={onDone}>
        ✕
      </button>
    </p>
  );
}
