// The scenario picker's search (pure): every word of the query must occur in the scenario's id,
// title, description or source (author, subject); results are grouped into teaching tours, the
// thread's messages, races and the others, each group in the library's order.
import type { Scenario } from '../../kernel';

export type ScenarioGroup = 'tours' | 'thread' | 'races' | 'others';

export const GROUP_TITLES: Record<ScenarioGroup, string> = {
  tours: 'Teaching tours',
  thread: 'Messages of the thread',
  races: 'Races',
  others: 'Others',
};

const GROUPS: readonly ScenarioGroup[] = ['tours', 'thread', 'races', 'others'];

export interface SearchEntry {
  id: string;
  title: string;
  scenario: Scenario;
}

/**
 * A message of the thread is named so; a race breaks under some era; a tour is named so, or
 * written for the tool (no lkml source).
 */
export function groupOf(entry: SearchEntry): ScenarioGroup {
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

/** The matching entries in their groups (empty groups left out). */
export function searchScenarios<E extends SearchEntry>(
  entries: readonly E[],
  query: string,
): SearchGroup<E>[] {
  const hits = entries.filter((e) => matches(e, query));
  return GROUPS.map((group) => ({
    group,
    title: GROUP_TITLES[group],
    entries: hits.filter((e) => groupOf(e) === group),
  })).filter((g) => g.entries.length > 0);
}
