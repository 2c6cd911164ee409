// The header's mode buttons: the compare view and lecture mode. Their views are loaded when
// first switched on (view/page/lazyViews.ts); the buttons themselves are on the first screen.
import { useAppStore } from '../../store';
import './modeToggles.css';

/** The compare view: the scenario under two kernels side by side. */
export function CompareToggle() {
  const on = useAppStore((s) => s.compareOn);
  const setCompare = useAppStore((s) => s.setCompare);
  return (
    <button
      type="button"
      className="mode-toggle"
      data-testid="compare-toggle"
      aria-pressed={on}
      title="Show the scenario under two kernels side by side"
      onClick={() => setCompare(!on)}
    >
      Compare
    </button>
  );
}

/** Lecture mode: large type, captions, presenter keys. */
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
