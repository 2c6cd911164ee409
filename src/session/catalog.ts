// The built-in scenarios, looked up by id.
import type { Scenario } from '../kernel/scenarioTypes';
import { builtinScenarios } from '../scenarios';

export interface CatalogEntry {
  id: string;
  title: string;
  scenario: Scenario;
}

export const catalog: readonly CatalogEntry[] = builtinScenarios.map(({ id, scenario }) => ({
  id,
  title: scenario.title,
  scenario,
}));

/** The entry with this id, or the first built-in scenario when the id is unknown or absent. */
export function findScenario(id: string | null | undefined): CatalogEntry | undefined {
  return catalog.find((entry) => entry.id === id) ?? catalog[0];
}
