// Scenarios the user built, kept in localStorage under one key each, so that one damaged entry
// (edited by hand, written by an older version, cut by a full disk) is skipped alone and the others
// still load. Each entry is a Contract 1 file plus the era and flags the user picked on top of it
// (kept apart: a file's own era replays its schedule strictly, an override does not), its name and
// when it was saved. Storage may be missing or throw (private mode, sandboxed iframes):
// every access is guarded and reported, never thrown.
import type { EraId, Flags } from '../kernel/flags';
import { checkFlagValue, isEraId, isFlagName } from '../kernel/flags';
import { parseScenario } from '../kernel/scenario';
import type { Scenario } from '../kernel/scenarioTypes';

export const SAVED_PREFIX = 'anon-vma-forest:saved:';
const MAX_NAME = 80;

export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

export interface SavedScenario {
  /** the storage key's suffix */
  id: string;
  name: string;
  /** ISO time */
  savedAt: string;
  scenario: Scenario;
  /** the era picked on top of the scenario's own */
  era?: EraId;
  /** the flags set on top of the era */
  flags?: Partial<Flags>;
}

/** What is saved: the scenario and the user's era and flags on top of it. */
export interface SavedState {
  scenario: Scenario;
  era: EraId | null;
  flags: Partial<Flags>;
}

export interface SavedList {
  entries: SavedScenario[];
  /** one sentence per entry that could not be read */
  skipped: string[];
}

export function cleanName(name: string): string {
  return name.replace(/\s+/g, ' ').trim().slice(0, MAX_NAME);
}

/** A storage-safe id for a name: the same name saves over the same entry. */
export function idFor(name: string): string {
  return encodeURIComponent(cleanName(name).toLowerCase());
}

function keysOf(storage: StorageLike): string[] {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(SAVED_PREFIX)) keys.push(key);
  }
  return keys;
}

/** One entry, or why it cannot be read. */
export function readEntry(id: string, raw: string): SavedScenario | string {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return 'it is not JSON';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return 'it is not an object';
  const { name, savedAt, scenario, era, flags } = value as Record<string, unknown>;
  if (typeof name !== 'string' || cleanName(name) === '') return 'it has no name';
  if (typeof savedAt !== 'string') return 'it has no date';
  if (era !== undefined && !isEraId(era)) return 'its era is unknown';
  const checkedFlags = readFlags(flags);
  if (typeof checkedFlags === 'string') return checkedFlags;
  try {
    return {
      id,
      name: cleanName(name),
      savedAt,
      scenario: parseScenario(scenario),
      ...(era !== undefined ? { era } : {}),
      ...(Object.keys(checkedFlags).length > 0 ? { flags: checkedFlags } : {}),
    };
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

function readFlags(flags: unknown): Partial<Flags> | string {
  if (flags === undefined) return {};
  if (typeof flags !== 'object' || flags === null || Array.isArray(flags))
    return 'its flags are not an object';
  const out: Record<string, unknown> = {};
  for (const [name, raw] of Object.entries(flags)) {
    if (!isFlagName(name)) return `it has an unknown flag ${JSON.stringify(name.slice(0, 30))}`;
    const checked = checkFlagValue(name, raw);
    if (!checked.ok) return checked.error;
    out[name] = checked.value;
  }
  return out as Partial<Flags>;
}

/** Every saved scenario, newest first; damaged entries are skipped and named. */
export function listSaved(storage: StorageLike | null): SavedList {
  const out: SavedList = { entries: [], skipped: [] };
  if (!storage) return out;
  try {
    for (const key of keysOf(storage)) {
      const id = key.slice(SAVED_PREFIX.length);
      const raw = storage.getItem(key);
      const entry = raw === null ? 'it is empty' : readEntry(id, raw);
      if (typeof entry === 'string') {
        out.skipped.push(
          `Skipped a saved scenario that cannot be read (${short(safeDecode(id))}): ${entry}.`,
        );
      } else out.entries.push(entry);
    }
  } catch (err) {
    out.skipped.push(
      `Saved scenarios cannot be read here: ${err instanceof Error ? err.message : String(err)}.`,
    );
  }
  out.entries.sort((a, b) =>
    a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : a.name.localeCompare(b.name),
  );
  return out;
}

/** Saves `scenario` under `name` (replacing an entry of the same name); an error sentence or null. */
export function saveScenario(
  storage: StorageLike | null,
  name: string,
  state: SavedState,
  now: Date = new Date(),
): string | null {
  const clean = cleanName(name);
  if (clean === '') return 'Give the scenario a name first.';
  if (!storage)
    return 'This browser keeps no local storage here (private mode or a sandboxed frame).';
  let checked: Scenario;
  try {
    checked = parseScenario(state.scenario);
  } catch (err) {
    return `This scenario cannot be saved: ${err instanceof Error ? err.message : String(err)}`;
  }
  try {
    const entry = {
      name: clean,
      savedAt: now.toISOString(),
      scenario: checked,
      ...(state.era !== null ? { era: state.era } : {}),
      ...(Object.keys(state.flags).length > 0 ? { flags: state.flags } : {}),
    };
    storage.setItem(`${SAVED_PREFIX}${idFor(clean)}`, JSON.stringify(entry));
    return null;
  } catch (err) {
    return `The scenario was not saved: ${err instanceof Error ? err.message : String(err)}`;
  }
}

export function deleteSaved(storage: StorageLike | null, id: string): void {
  try {
    storage?.removeItem(`${SAVED_PREFIX}${id}`);
  } catch {
    // nothing to do: the list is read again from storage and shows what is there
  }
}

/** window.localStorage, or null where reading it throws (SecurityError) or there is none. */
export function browserStorage(): StorageLike | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

function safeDecode(id: string): string {
  try {
    return decodeURIComponent(id);
  } catch {
    return id;
  }
}

function short(s: string): string {
  return JSON.stringify(s.length > 30 ? `${s.slice(0, 30)}…` : s);
}
