// The story around an embed's drawing, at the cursor: the caption (the narration, larger in
// lecture mode) and the step's one line. Each is a parameter of the link (`caption=0`, `text=0`).
// Read here, so a step re-renders these lines and the drawing, not the page around them.
import type { Scenario } from '../../kernel';
import type { Trace } from '../../session/traces';
import { NarrationText } from '../narration/Narration';
import { usePlayhead } from '../playback/playback';
import { captionAt, stepLine } from './storyText';

export function EmbedCaption({
  scenario,
  trace: shown,
  lecture,
}: {
  scenario: Scenario;
  trace: Trace;
  lecture: boolean;
}) {
  const { trace, cursor } = usePlayhead() ?? { trace: shown, cursor: 0 };
  const text = captionAt(scenario, trace.opStarts, cursor);
  if (text === null) return null;
  return (
    <section
      className={`embed-caption${lecture ? ' is-lecture' : ''}`}
      data-testid={lecture ? 'lecture-caption' : 'embed-caption'}
      aria-label="Caption"
      aria-live="polite"
    >
      <NarrationText text={text} />
    </section>
  );
}

export function EmbedStepText({ scenario, trace: shown }: { scenario: Scenario; trace: Trace }) {
  const { trace, cursor } = usePlayhead() ?? { trace: shown, cursor: 0 };
  const { where, what } = stepLine(scenario, trace.steps, cursor);
  return (
    <p className="embed-step" data-testid="embed-step-text" title={`${where}: ${what}`}>
      <span className="embed-step-where">{where}</span> <span>{what}</span>
    </p>
  );
}
