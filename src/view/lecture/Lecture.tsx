// Lecture mode: the toggle, the presenter keys and the narration as a large caption at the
// bottom of the screen. The larger type and the hidden side panels are CSS on the app root's
// `data-lecture="true"` (lecture.css).
import { useMemo } from 'react';
import type { Scenario } from '../../kernel/scenarioTypes';
import { narrationAt } from '../../narration/narrationAt';
import { useAppStore } from '../../store';
import { NarrationText } from '../narration/Narration';
import { useCursor } from '../playbackContext';
import { narratedStops } from './narratedStops';
import { useLectureKeys } from './useLectureKeys';
import './lecture.css';

export interface LectureProps {
  scenario: Scenario;
  opStarts: readonly number[];
  total: number;
}

/** The presenter keys, and the caption while lecture mode is on. */
export function Lecture({ scenario, opStarts, total }: LectureProps) {
  const on = useAppStore((s) => s.lectureOn);
  const stops = useMemo(
    () => narratedStops(scenario.narration, opStarts, total),
    [scenario, opStarts, total],
  );
  useLectureKeys(stops);
  const cursor = Math.min(useCursor(), total);
  return on ? (
    <LectureCaption scenario={scenario} opStarts={opStarts} total={total} cursor={cursor} />
  ) : null;
}

/** The caption: the narration at the cursor (the description before the first op), as text. */
export function LectureCaption({
  scenario,
  opStarts,
  total,
  cursor,
}: LectureProps & { cursor: number }) {
  const text =
    narrationAt(scenario.narration, opStarts, cursor) ??
    (cursor === 0 ? (scenario.description ?? null) : null);
  return (
    <section
      className="lecture-caption"
      data-testid="lecture-caption"
      aria-label="Caption"
      aria-live="polite"
    >
      {text === null ? (
        <p className="lecture-caption-empty">{scenario.title}</p>
      ) : (
        <NarrationText text={text} />
      )}
      <p className="lecture-caption-where">{`step ${cursor} / ${total} · . and , move between captions`}</p>
    </section>
  );
}

export function LectureToggle() {
  const on = useAppStore((s) => s.lectureOn);
  const setLecture = useAppStore((s) => s.setLecture);
  return (
    <button
      type="button"
      className="mode-toggle"
      data-testid="lecture-toggle"
      aria-pressed={on}
      title="Lecture mode: large type, captions, presenter keys (p)"
      onClick={() => setLecture(!on)}
    >
      Lecture
    </button>
  );
}
