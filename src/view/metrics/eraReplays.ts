// The same scenario replayed under other eras, for the charts' comparisons. Replays are memoized
// per scenario object (scenarios are immutable: an edit makes a new one) and era; an era under
// which the scenario does not replay is left out rather than shown as zero.
import type { EraId } from '../../kernel/flags';
import { replay } from '../../kernel/replay';
import type { Replay } from '../../kernel/replay';
import type { Scenario } from '../../kernel/scenarioTypes';
import { anonVmasOverTime, familyCount, opEnds, walks } from '../../metrics/metrics';
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

type Sampled = TraceLike & Partial<Pick<Replay, 'sampleAt'>>;

const families = new WeakMap<TraceLike, FamilyCount[]>();

/**
 * anon_vmas per family after each op. When the trace can (sampleAt), the counts are taken in one
 * forward pass that keeps only the counts, instead of one replay (or one whole state) per op.
 */
export function familiesOf(trace: Sampled): FamilyCount[] {
  const hit = families.get(trace);
  if (hit) return hit;
  let out: FamilyCount[];
  if (trace.sampleAt) {
    const ends = opEnds(trace);
    const counts = trace.sampleAt(ends, familyCount);
    out = ends.map((step, op) => ({ step, op, ...counts[op]! }));
  } else out = anonVmasOverTime(trace);
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
