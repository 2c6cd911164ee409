// The same scenario replayed under other eras, for the charts' comparisons, through the trace
// service (one cache for the whole page); an era under which the scenario does not replay is
// left out rather than shown as zero. What the charts read of a trace is kept per trace.
import type { EraId, Replay, Scenario } from '../../kernel';
import { anonVmasOverTime, familyCount, locksPerOp, opEnds, walks } from '../../metrics/metrics';
import type { FamilyCount, OpLocks, TraceLike, Walk } from '../../metrics/metrics';
import { traceOrNull } from '../../session/traces';

/** The scenario replayed under `era` with its own flags; null when the model rejects it. */
export function replayUnder(scenario: Scenario, era: EraId): Replay | null {
  return traceOrNull({ scenario, era });
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
  const { sampleAt } = trace;
  const out = sampleAt ? familyRows({ ...trace, sampleAt }) : anonVmasOverTime(trace);
  families.set(trace, out);
  return out;
}

/** Counts taken elsewhere (the load worker sampled a big trace off the main thread). */
export function primeFamilies(trace: TraceLike, rows: FamilyCount[]): void {
  families.set(trace, rows);
}

/** familiesOf's one forward pass, where a trace is made (the load worker). */
export function familyRows(trace: Pick<Replay, 'sampleAt' | 'steps' | 'opStarts'>): FamilyCount[] {
  const ends = opEnds(trace);
  const counts = trace.sampleAt(ends, familyCount);
  return ends.map((step, op) => ({ step, op, ...counts[op]! }));
}

const lockCache = new WeakMap<TraceLike, { ops: Scenario['ops'] | null; rows: OpLocks[] }>();

/** Lock acquisitions per op, kept per trace (and per scenario: the labels are its ops'). */
export function locksOf(trace: TraceLike, scenario: Scenario): OpLocks[] {
  const hit = lockCache.get(trace);
  if (hit && (hit.ops === null || hit.ops === scenario.ops)) return hit.rows;
  const rows = locksPerOp(trace, scenario);
  lockCache.set(trace, { ops: scenario.ops, rows });
  return rows;
}

/** Counts taken as a big trace's steps arrived from the load worker. */
export function primeLocks(trace: TraceLike, rows: OpLocks[]): void {
  lockCache.set(trace, { ops: null, rows });
}

const walkCache = new WeakMap<TraceLike, Walk[]>();

/** Walks read as a big trace's steps arrived from the load worker. */
export function primeWalks(trace: TraceLike, rows: Walk[]): void {
  walkCache.set(trace, rows);
}

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
