// The code panel fed from a trace: the era and flags it ran under (overrides included) pick the
// code paths and the version of the source links.
import type { EraId, Flags, Scenario, Step } from '../../kernel';
import { useWhileSeen } from '../trace/useWhileSeen';
import { CodePanel } from './CodePanel';

export interface TraceCodePanelProps {
  /** a replay: its steps and the era and flags it ran with */
  trace: { steps: readonly Step[]; era: EraId; flags: Flags };
  cursor: number;
  scenario: Scenario;
}

export function TraceCodePanel({ trace, cursor: live, scenario }: TraceCodePanelProps) {
  // At the foot of the dock the panel is mostly scrolled out of view: there it follows a scrub
  // once it stops, not at each of its steps.
  const { value: cursor, ref } = useWhileSeen(live);
  return (
    <CodePanel
      boxRef={ref}
      steps={trace.steps}
      cursor={cursor}
      scenario={scenario}
      era={trace.era}
      flags={trace.flags}
    />
  );
}
