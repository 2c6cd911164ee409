// What the explore panel says, as pure functions: the era and flags a search ran under, the
// sentence for a search that found nothing (honest about a search cut short), and which parallel
// block each of a counterexample's schedules belongs to.
import type { ExploreResult } from '../../kernel/explore';
import type { EraId, Flags } from '../../kernel/flags';
import { FLAG_NAMES, resolveFlags } from '../../kernel';
import type { Scenario } from '../../kernel/scenarioTypes';

const count = new Intl.NumberFormat('en-US');

/** 12345 → "12,345" */
export const formatCount = (n: number): string => count.format(Math.round(n));

/** A flag as a reader would say it: `lockDance on`, `adjustLock conditional`. */
function flagText(name: keyof Flags, value: Flags[keyof Flags]): string {
  if (value === true) return `${name} on`;
  if (value === false) return `${name} off`;
  return `${name} ${String(value)}`;
}

/**
 * "2.6.34" or "2.6.34 with lockDance on, adjustLock conditional": the era and every flag that
 * differs from the era's preset (the file's own flags and the user's overrides both count).
 */
export function settingText(scenario: Scenario, era: EraId, overrides: Partial<Flags>): string {
  const preset = resolveFlags(era);
  const flags = resolveFlags(era, { ...(scenario.flags ?? {}), ...overrides });
  const changed = FLAG_NAMES.filter((n) => flags[n] !== preset[n]).map((n) =>
    flagText(n, flags[n]),
  );
  return changed.length === 0 ? era : `${era} with ${changed.join(', ')}`;
}

/** The op indices of the scenario's parallel blocks, in order. */
export function parallelOps(scenario: Scenario): number[] {
  const out: number[] = [];
  scenario.ops.forEach((op, i) => {
    if (op.op === 'parallel') out.push(i);
  });
  return out;
}

export interface BlockSchedule {
  /** op index of the parallel block */
  op: number;
  schedule: number[];
}

/**
 * The schedules to write into the scenario so it replays the counterexample: one per parallel
 * block that took a step (`schedules` is in block order). Blocks the run never reached keep the
 * file's own schedule.
 */
export function blockSchedules(
  scenario: Scenario,
  result: Pick<ExploreResult, 'schedule' | 'schedules'>,
): BlockSchedule[] {
  const ops = parallelOps(scenario);
  const per = result.schedules.length > 0 ? result.schedules : [result.schedule];
  const out: BlockSchedule[] = [];
  per.forEach((schedule, i) => {
    const op = ops[i];
    if (op !== undefined && schedule.length > 0) out.push({ op, schedule: [...schedule] });
  });
  return out;
}

/** The sentence for a search that found no violation. */
export function noViolationText(
  result: Pick<ExploreResult, 'explored' | 'runs' | 'complete'>,
  setting: string,
): string {
  const states = `${formatCount(result.explored)} state${result.explored === 1 ? '' : 's'}`;
  const runs = `${formatCount(result.runs)} complete interleaving${result.runs === 1 ? '' : 's'}`;
  const head = `No violation in ${states} (${runs}) under ${setting}`;
  return result.complete
    ? `${head}: every interleaving of the parallel blocks was tried.`
    : `${head}, but the search was cut short at its limit of states: interleavings past it were not tried.`;
}

/** "cancelled after 1,200 states" */
export const cancelledText = (explored: number): string =>
  `Explore cancelled after ${formatCount(explored)} state${explored === 1 ? '' : 's'}.`;

/** "1,200 states · 2,900 states/s · 413 ms" */
export function progressText(p: { explored: number; rate: number; elapsedMs: number }): string {
  return `${formatCount(p.explored)} states · ${formatCount(p.rate)} states/s · ${formatCount(p.elapsedMs)} ms`;
}

/** A schedule as the CPUs that take each step: "cpu0 cpu0 cpu1 …". */
export const scheduleText = (schedule: readonly number[]): string =>
  schedule.map((c) => `cpu${c}`).join(' ');
