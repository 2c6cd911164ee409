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

const plural = (n: number, one: string, many = `${one}s`): string =>
  `${formatCount(n)} ${n === 1 ? one : many}`;

/** "0.41 s", "12 s" */
export const secondsText = (ms: number): string =>
  ms < 10_000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms / 1000)} s`;

/** "6 classes of interleavings" (reduced search) or "6 complete interleavings" (full search) */
function runsText(r: Pick<ExploreResult, 'runs' | 'reduction'>): string {
  return r.reduction === 'none'
    ? plural(r.runs, 'complete interleaving')
    : plural(r.runs, 'class of interleavings', 'classes of interleavings');
}

/** Why a search stopped before its end, as the end of a sentence. */
function limitText(r: Pick<ExploreResult, 'stoppedBy'>, limits: ExploreLimits): string {
  if (r.stoppedBy === 'max-seconds')
    return `its time limit of ${secondsText(limits.maxSeconds * 1000)}`;
  if (r.stoppedBy === 'max-states') return `its limit of ${plural(limits.maxStates, 'state')}`;
  if (r.stoppedBy === 'max-memory') return 'its memory limit';
  return 'its limit';
}

export interface ExploreLimits {
  maxStates: number;
  maxSeconds: number;
}

/** The sentence for a search that found no violation: what it covered, and what it did not. */
export function noViolationText(
  result: Pick<ExploreResult, 'explored' | 'runs' | 'complete' | 'stoppedBy' | 'reduction' | 'ms'>,
  setting: string,
  limits: ExploreLimits,
): string {
  const states = plural(result.explored, 'state');
  const what = `${runsText(result)}, ${secondsText(result.ms)}`;
  if (result.complete)
    return `No violation in ${states} (${what}) under ${setting}: every interleaving of the parallel blocks was covered${result.reduction === 'none' ? '' : ', one per class of orders of independent steps'}.`;
  return `No violation in the first ${states} (${what}) under ${setting}, but the search stopped at ${limitText(result, limits)}: interleavings past it were not tried.`;
}

/** The words before a counterexample: shortest, or only one that breaks. */
export function foundText(
  result: Pick<ExploreResult, 'explored' | 'runs' | 'shortest' | 'reduction' | 'ms' | 'stoppedBy'>,
  limits: ExploreLimits,
): string {
  const after = ` after ${plural(result.explored, 'state')} (${runsText(result)}, ${secondsText(result.ms)}); `;
  return result.shortest
    ? `${after}the shortest interleaving that breaks:`
    : `${after}an interleaving that breaks (a shorter one may exist: the search for one stopped at ${limitText(result, limits)}):`;
}

/** "cancelled after 1,200 states" */
export const cancelledText = (explored: number): string =>
  `Explore cancelled after ${plural(explored, 'state')}.`;

/** "1,200 states · 34 interleavings · 2,900 states/s · 0.41 s" */
export function progressText(p: {
  explored: number;
  runs: number;
  rate: number;
  elapsedMs: number;
  found: boolean;
}): string {
  const parts = [
    plural(p.explored, 'state'),
    plural(p.runs, 'interleaving'),
    `${formatCount(p.rate)} states/s`,
    secondsText(p.elapsedMs),
  ];
  if (p.found) parts.push('violation found: looking for a shorter schedule');
  return parts.join(' · ');
}

/** A schedule as the CPUs that take each step: "cpu0 cpu0 cpu1 …". */
export const scheduleText = (schedule: readonly number[]): string =>
  schedule.map((c) => `cpu${c}`).join(' ');
