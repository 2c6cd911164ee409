// The same scenario replayed under other eras, for the charts' comparisons. Replays are memoized
// per scenario object (scenarios are immutable: an edit makes a new one) and era; an era under
// which the scenario does not replay is left out rather than shown as zero.
import type { EraId } from '../../kernel/flags';
import { replay } from '../../kernel/replay';
import type { Replay } from '../../kernel/replay';
import type { Scenario } from '../../kernel/scenarioTypes';
import { anonVmasOverTime, walks } from '../../metrics/metrics';
import type { FamilyCount, TraceLike, Walk } from '../../metrics/metrics';

const replays = new WeakMap<Scenario, Map<EraId, Replay | null>>();

/** The scenario replayed under `era` with its own flags; null when the model rejects it. */
export function replayUnder(scenario: Scenario, era: EraId): Replay | null {
  let byEra = replays.get(scenario);
  if (!byEra) {
    byEra = new Map();
    replays.set(scenario, byEra);
  }
  if (byEra.has(era)) return byEra.get(era) ?? null;
  let r: Replay | null;
  try {
    r = replay(scenario, { era });
  } catch {
    r = null;
  }
  byEra.set(era, r);
  return r;
}

type Sampled = TraceLike & Partial<Pick<Replay, 'statesAt'>>;

const families = new WeakMap<TraceLike, FamilyCount[]>();

/**
 * anon_vmas per family after each op. The states at the ends of the ops are fetched in one
 * forward pass when the trace can (statesAt), instead of one replay per op.
 */
export function familiesOf(trace: Sampled): FamilyCount[] {
  const hit = families.get(trace);
  if (hit) return hit;
  const ends = trace.opStarts.map((_, i) => trace.opStarts[i + 1] ?? trace.steps.length);
  let t: TraceLike = trace;
  if (trace.statesAt && ends.length > 0) {
    const states = trace.statesAt(ends);
    const at = new Map(ends.map((n, i) => [n, states[i]!]));
    t = { ...trace, stateAt: (n) => at.get(n) ?? trace.stateAt(n) };
  }
  const out = anonVmasOverTime(t);
  families.set(trace, out);
  return out;
}

const walkCache = new WeakMap<TraceLike, Walk[]>();

export function walksOf(trace: TraceLike): Walk[] {
  const hit = walkCache.get(trace);
  if (hit) return hit;
  const out = walks(trace);
  walkCache.set(trace, out);
  return out;
}

/** Each era's data for the scenario, skipping eras where the replay throws. */
export function underEras<T>(
  scenario: Scenario,
  eras: readonly EraId[],
  of: (t: Replay) => T,
): { era: EraId; data: T }[] {
  const out: { era: EraId; data: T }[] = [];
  for (const era of eras) {
    const r = replayUnder(scenario, era);
    if (r) out.push({ era, data: of(r) });
  }
  return out;
}
