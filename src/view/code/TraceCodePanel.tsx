// The code panel fed from a trace: the era and flags it ran under (overrides included) pick the
// code paths and the version of the source links.
import type { EraId, Flags, Scenario, Step } from '../../kernel';
import { CodePanel } from './CodePanel';

export interface TraceCodePanelProps {
  /** a replay: its steps and the era and flags it ran with */
  trace: { steps: readonly Step[]; era: EraId; flags: Flags };
  cursor: number;
  scenario: Scenario;
}

export function TraceCodePanel({ trace, cursor, scenario }: TraceCodePanelProps) {
  return (
    <CodePanel
      steps={trace.steps}
      cursor={cursor}
      scenario={scenario}
      era={trace.era}
      flags={trace.flags}
    />
  );
}
