// Which era and flags the compare view's right pane replays, and how that becomes a scenario.
// Flags here follow the scenario files' `expect` entries: on top of the era's preset, not of the
// file's own flags, so "2.6.36" alone means the fixed kernel even for a file that turns a fix off.
import { resolveFlags } from '../../kernel';
import type { EraId, Flags, Scenario } from '../../kernel';
import type { CompareSide } from '../../store/compareSlice';

const sameFlags = (a: Flags, b: Flags): boolean =>
  (Object.keys(a) as (keyof Flags)[]).every((k) => a[k] === b[k]);

/** Whether two sides replay the same kernel (same era, same resolved flags). */
export function sameSide(a: CompareSide, b: CompareSide): boolean {
  return a.era === b.era && sameFlags(resolveFlags(a.era, a.flags), resolveFlags(b.era, b.flags));
}

/** The left pane's side: the session's era, the file's flags and the user's overrides. */
export function currentSide(
  scenario: Scenario,
  era: EraId,
  flagsOverride: Partial<Flags>,
): CompareSide {
  return { era, flags: { ...(scenario.flags ?? {}), ...flagsOverride } };
}

/**
 * The right pane's default: the first `expect.holds` entry that differs from the left pane (the
 * fixed kernel beside the broken one), else the other of 2.6.34 / 2.6.36.
 */
export function defaultSide(scenario: Scenario, left: CompareSide): CompareSide {
  for (const h of scenario.expect?.holds ?? []) {
    const side = { era: h.era, flags: h.flags ?? {} };
    if (!sameSide(side, left)) return side;
  }
  const era: EraId = left.era === '2.6.34' ? '2.6.36' : '2.6.34';
  return { era, flags: {} };
}

/** The user's pick when it was made for this scenario, else the default. */
export function rightSide(
  scenarioId: string,
  scenario: Scenario,
  left: CompareSide,
  stored: (CompareSide & { for: string }) | null,
): CompareSide {
  if (stored && stored.for === scenarioId) return { era: stored.era, flags: stored.flags };
  return defaultSide(scenario, left);
}

/** The scenario as the right pane replays it: the file's own flags replaced by the side's. */
export function scenarioUnder(scenario: Scenario, side: CompareSide): Scenario {
  const { flags: _file, ...rest } = scenario;
  return Object.keys(side.flags).length > 0 ? { ...rest, flags: side.flags } : rest;
}

/** One flag set on a side; a value equal to the era's preset is no override. */
export function withFlag<K extends keyof Flags>(
  side: CompareSide,
  name: K,
  value: Flags[K],
): CompareSide {
  const { [name]: _old, ...others } = side.flags;
  const preset = resolveFlags(side.era, {})[name];
  return { era: side.era, flags: value === preset ? others : { ...others, [name]: value } };
}
