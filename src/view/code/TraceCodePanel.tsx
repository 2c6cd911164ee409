// The code panel fed from a trace: the era and flags it ran under pick the code paths and the
// version of the source links.
import { useMemo } from 'react';
import { effectiveFlags } from '../../kernel';
import { isEraId, type Flags } from '../../kernel/flags';
import type { Scenario } from '../../kernel/scenarioTypes';
import type { Step } from '../../kernel/trace';
import { CodePanel } from './CodePanel';

export interface TraceCodePanelProps {
  /** a replay: its steps, the era it ran in and (when known) its resolved flags */
  trace: { steps: readonly Step[]; era: string; flags?: Flags };
  cursor: number;
  scenario: Scenario;
}

export function TraceCodePanel({ trace, cursor, scenario }: TraceCodePanelProps) {
  const era = isEraId(trace.era) ? trace.era : scenario.era;
  const flags = useMemo(
    () => trace.flags ?? effectiveFlags(scenario, { era }).flags,
    [trace.flags, scenario, era],
  );
  return (
    <CodePanel steps={trace.steps} cursor={cursor} scenario={scenario} era={era} flags={flags} />
  );
}
