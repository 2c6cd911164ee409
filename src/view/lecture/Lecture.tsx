// Lecture mode: the toggle and the narration as a large caption at the bottom of the screen.
// The presenter keys are the keyboard dispatcher's (keyboard/dispatch.ts) and the captions'
// stops the playback machine's (loaded with each trace). The larger type and the hidden side
// panels are CSS on the app root's `data-lecture="true"` (lecture.css).
import type { Scenario } from '../../kernel';
import { narrationAt } from '../../narration/narrationAt';
import { useAppStore } from '../../store';
import { NarrationText } from '../narration/Narration';
import { useCursor, useTotal } from '../playback/playback';
import './lecture.css';

export interface LectureProps {
  scenario: Scenario;
  opStarts: readonly number[];
}

/** The caption while lecture mode is on. */
export function Lecture(props: LectureProps) {
  const on = useAppStore((s) => s.lectureOn);
  const total = useTotal();
  const cursor = useCursor();
  return on ? <LectureCaption {...props} total={total} cursor={cursor} /> : null;
}

/** The caption: the narration at the cursor (the description before the first op), as text. */
export function LectureCaption({
  scenario,
  opStarts,
  total,
  cursor,
}: LectureProps & { total: number; cursor: number }) {
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
