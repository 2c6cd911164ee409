// The built-in scenarios, looked up by id.
import type { Scenario } from '../kernel/scenarioTypes';
import { builtinScenarios } from '../scenarios';

export interface CatalogEntry {
  readonly id: string;
  readonly title: string;
  readonly scenario: Scenario;
}

// the scenario is parsed when an entry's title or scenario is first read (scenarios/index.ts)
export const catalog: readonly CatalogEntry[] = builtinScenarios.map((b) => ({
  id: b.id,
  get title() {
    return b.scenario.title;
  },
  get scenario() {
    return b.scenario;
  },
}));

/** The entry with this id, or the first built-in scenario when the id is unknown or absent. */
export function findScenario(id: string | null | undefined): CatalogEntry | undefined {
  return catalog.find((entry) => entry.id === id) ?? catalog[0];
}
