// The search's progress: states explored, rate and elapsed time. The total number of states is
// not known ahead, so the bar is indeterminate while it runs (its text carries the numbers) and
// full once the search ends.
import type { ExploreProgress } from '../../explore/exploreClient';
import { progressText } from './exploreText';

export interface ExploreProgressBarProps {
  progress: ExploreProgress;
  /** stopped: cancelled, failed or cut short at a limit, so the bar is not shown full */
  phase: 'running' | 'done' | 'stopped';
  /** the search's cap on states (aria-valuemax) */
  maxStates: number;
}

export function ExploreProgressBar({ progress, phase, maxStates }: ExploreProgressBarProps) {
  const text = progressText(progress);
  return (
    <div className="explore-progress" data-testid="explore-progress" data-phase={phase}>
      <div
        className={`explore-bar is-${phase}`}
        role="progressbar"
        aria-label="States explored"
        aria-valuemin={0}
        aria-valuemax={maxStates}
        aria-valuenow={progress.explored}
        aria-valuetext={text}
        data-explored={progress.explored}
      >
        <div className="explore-bar-fill" />
      </div>
      <p className="explore-progress-text" data-testid="explore-progress-text">
        {text}
      </p>
    </div>
  );
}
