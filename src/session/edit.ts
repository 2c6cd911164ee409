// Edits of a scenario as pure functions: each returns a new Scenario and never changes its input,
// so a replay cache keyed on content and an undo that keeps the old object both stay honest.
import type { EraId } from '../kernel/flags';
import type { Scenario, ScenarioOp } from '../kernel/scenarioTypes';
import { formatFor, SCENARIO_FORMAT, SCENARIO_FORMAT_2 } from '../kernel/scenarioTypes';

export const NEW_SCENARIO_TITLE = 'My forest';

/** An empty scenario to build on. */
export function emptyScenario(era: EraId): Scenario {
  return { format: SCENARIO_FORMAT, title: NEW_SCENARIO_TITLE, era, ops: [] };
}

/**
 * The scenario as the user's own copy: what a built-in expects (`expect`) no longer holds once
 * it is edited, so it is dropped; title, source and narration stay.
 */
function own(scenario: Scenario, ops: ScenarioOp[]): Scenario {
  const { expect: _expected, ...rest } = scenario;
  // an op that only format @2 knows makes the file @2; @2 stays @2
  const needs2 = formatFor(ops) === SCENARIO_FORMAT_2;
  return { ...rest, ...(needs2 ? { format: SCENARIO_FORMAT_2 } : {}), ops };
}

export function withOp(scenario: Scenario, op: ScenarioOp): Scenario {
  return own(scenario, [...scenario.ops, op]);
}

/** The scenario without its last op; null when it has none. */
export function withoutLastOp(scenario: Scenario): Scenario | null {
  if (scenario.ops.length === 0) return null;
  const ops = scenario.ops.slice(0, -1);
  // narration of the removed op would point past the end
  const narration = scenario.narration?.filter((n) => !('op' in n) || n.op < ops.length);
  const out = own(scenario, ops);
  if (narration === undefined) return out;
  return { ...out, narration };
}

/** At most this many CPUs in one parallel block (Contract 1). */
const MAX_THREADS = 8;

/**
 * The last op moved onto a CPU of its own, beside the op before it: two simple ops become a
 * parallel block of two CPUs, or the last op joins the parallel block before it as one more CPU.
 * An error sentence when there is nothing to pair.
 */
export function withLastInParallel(scenario: Scenario): Scenario | string {
  const n = scenario.ops.length;
  const last = scenario.ops[n - 1];
  const before = scenario.ops[n - 2];
  if (!last || !before) return 'Run in parallel: it takes two ops, the last two of the scenario.';
  if (last.op === 'parallel') return 'Run in parallel: the last op is a parallel block already.';
  let block: ScenarioOp;
  if (before.op === 'parallel') {
    if (before.threads.length >= MAX_THREADS)
      return `Run in parallel: a parallel block has at most ${MAX_THREADS} CPUs.`;
    block = { ...before, threads: [...before.threads, [last]] };
  } else {
    block = { op: 'parallel', threads: [[before], [last]] };
  }
  const ops = [...scenario.ops.slice(0, n - 2), block];
  // captions of the last op would point past the end; the block keeps those of the op before
  const narration = scenario.narration?.filter((c) => !('op' in c) || c.op < ops.length);
  const out = own(scenario, ops);
  return narration === undefined ? out : { ...out, narration };
}

/** The scenario with op `opIndex`'s schedule replaced; an error sentence when it is no parallel. */
export function withSchedule(
  scenario: Scenario,
  opIndex: number,
  schedule: readonly number[],
): Scenario | string {
  const op = scenario.ops[opIndex];
  if (op?.op !== 'parallel') return `op ${opIndex} is not a parallel block`;
  const bad = schedule.find((cpu) => !Number.isInteger(cpu) || cpu < 0 || cpu >= op.threads.length);
  if (bad !== undefined) return `op ${opIndex} (parallel) has no cpu${bad}`;
  const ops = scenario.ops.map((o, i) => (i === opIndex ? { ...op, schedule: [...schedule] } : o));
  return own(scenario, ops);
}
