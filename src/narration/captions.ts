// Step captions (`{step: N}`) count the steps of the file's own replay: its era, its flags, its
// schedules. Replayed any other way the steps fall elsewhere, so only the op captions are kept.
import { FLAG_NAMES, resolveFlags, type EraId, type Flags } from '../kernel/flags';
import type { Narration, Scenario } from '../kernel/scenarioTypes';

export interface ReplayedAs {
  era: EraId | string;
  flags: Flags;
  /** the CPU that took each step of each parallel block */
  schedules: readonly (readonly number[])[];
}

export function isOwnReplay(scenario: Scenario, r: ReplayedAs): boolean {
  if (r.era !== scenario.era) return false;
  const own = resolveFlags(scenario.era, scenario.flags ?? {});
  if (FLAG_NAMES.some((name) => own[name] !== r.flags[name])) return false;
  // each block's written schedule must be how the replay began that block
  const written = scenario.ops.flatMap((op) => (op.op === 'parallel' ? [op.schedule ?? []] : []));
  return written.every((s, i) => s.every((cpu, j) => r.schedules[i]?.[j] === cpu));
}

export function captionsFor(scenario: Scenario, r: ReplayedAs): Narration[] | undefined {
  const n = scenario.narration;
  if (!n || !n.some((x) => 'step' in x) || isOwnReplay(scenario, r)) return n;
  return n.filter((x) => !('step' in x));
}

/** The scenario with the captions that fit this replay (the same object when all fit). */
export function withCaptions(scenario: Scenario, r: ReplayedAs): Scenario {
  const narration = captionsFor(scenario, r);
  return narration === scenario.narration ? scenario : { ...scenario, narration: narration ?? [] };
}
