// The scenario picker's groups and search (pure). Every entry point of the picker (the select, the
// search box's results) lists scenarios through groupScenarios: teaching tours, the thread's
// messages, races, the others, and the reader's own saved scenarios, each group in the library's
// order (saved ones newest first). The search keeps the entries in which every word of the query
// occurs in the id, title, description or source (author, subject).
import type { Scenario } from '../../kernel';

export type ScenarioGroup = 'tours' | 'thread' | 'races' | 'others' | 'saved';

export const GROUP_TITLES: Record<ScenarioGroup, string> = {
  tours: 'Teaching tours',
  thread: 'Messages of the thread',
  races: 'Races',
  others: 'Others',
  saved: 'Your saved scenarios',
};

const GROUPS: readonly ScenarioGroup[] = ['tours', 'thread', 'races', 'others', 'saved'];

export interface SearchEntry {
  id: string;
  title: string;
  scenario: Scenario;
  /** one of the reader's saved scenarios (its id is then `saved:` and the storage id) */
  saved?: boolean;
}

/**
 * A message of the thread is named so; a race breaks under some era; a tour is named so, or
 * written for the tool (no lkml source).
 */
export function groupOf(entry: SearchEntry): ScenarioGroup {
  if (entry.saved) return 'saved';
  if (entry.id.startsWith('thread-')) return 'thread';
  if (entry.id.startsWith('race-') || (entry.scenario.expect?.breaks?.length ?? 0) > 0)
    return 'races';
  if (entry.id.startsWith('tour-') || entry.scenario.source === undefined) return 'tours';
  return 'others';
}

function haystack(entry: SearchEntry): string {
  const s = entry.scenario;
  return [entry.id, entry.title, s.description, s.source?.author, s.source?.subject]
    .filter((x) => x !== undefined)
    .join('\n')
    .toLowerCase();
}

export function matches(entry: SearchEntry, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const text = haystack(entry);
  return words.every((w) => text.includes(w));
}

export interface SearchGroup<E extends SearchEntry = SearchEntry> {
  group: ScenarioGroup;
  title: string;
  entries: E[];
}

/** The entries in their labelled groups, in the groups' order (empty groups left out). */
export function groupScenarios<E extends SearchEntry>(entries: readonly E[]): SearchGroup<E>[] {
  return GROUPS.map((group) => ({
    group,
    title: GROUP_TITLES[group],
    entries: entries.filter((e) => groupOf(e) === group),
  })).filter((g) => g.entries.length > 0);
}

/** The matching entries in their groups (empty groups left out). */
export function searchScenarios<E extends SearchEntry>(
  entries: readonly E[],
  query: string,
): SearchGroup<E>[] {
  return groupScenarios(entries.filter((e) => matches(e, query)));
}
