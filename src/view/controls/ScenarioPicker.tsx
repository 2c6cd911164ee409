// Scenario and era selectors, and the scenario search beside the select. Picking a built-in leaves the user's own scenario (it can be saved
// from the builder first).
import { useMemo } from 'react';
import { ERA_IDS, ERA_TITLES, isEraId } from '../../kernel';
import type { EraId } from '../../kernel';
import { catalog } from '../../session/catalog';
import { CUSTOM_ID } from '../../session/current';
import { useAppStore } from '../../store';
import { openSaved, savedOf, useSavedEntries } from './savedEntries';
import { ScenarioSearch } from './ScenarioSearch';
import { groupScenarios } from './scenarioSearch';
import './scenarioSearch.css';

export function ScenarioPicker({ value }: { value: string }) {
  const loadBuiltin = useAppStore((s) => s.loadBuiltin);
  // the user's own scenario is listed while it is open, so the select shows what is open
  const customTitle = useAppStore((s) => s.custom?.title ?? null);
  const saved = useSavedEntries();
  const groups = useMemo(() => groupScenarios([...catalog, ...saved]), [saved]);
  const pick = (id: string) => {
    const mine = savedOf(saved, id);
    if (mine) openSaved(mine.entry);
    else loadBuiltin(id);
  };
  return (
    <>
      {/* first, near the left edge, so its results open within the page at any width */}
      <ScenarioSearch saved={saved} onPick={pick} />
      <label className="picker">
        <span>Scenario</span>
        <select
          data-testid="scenario-select"
          value={value}
          onChange={(e) => {
            if (e.target.value !== CUSTOM_ID) pick(e.target.value);
          }}
        >
          {customTitle !== null && value === CUSTOM_ID && (
            <option value={CUSTOM_ID}>{`${customTitle} (your own)`}</option>
          )}
          {groups.map((g) => (
            <optgroup key={g.group} label={g.title} data-group={g.group}>
              {g.entries.map((entry) => (
                <option key={entry.id} value={entry.id}>
                  {entry.title}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
    </>
  );
}

export function EraPicker({ value, scenarioEra }: { value: EraId; scenarioEra: EraId }) {
  const setEra = useAppStore((s) => s.setEra);
  const told = useAppStore((s) => s.notifyRefusal);
  return (
    <label className="picker">
      <span>Era</span>
      <select
        data-testid="era-select"
        value={value}
        onChange={(e) => {
          const era = e.target.value;
          if (isEraId(era)) told(setEra(era === scenarioEra ? null : era));
        }}
      >
        {ERA_IDS.map((era) => (
          <option key={era} value={era} title={ERA_TITLES[era]}>
            {`${era}${era === scenarioEra ? ' (scenario)' : ''}: ${ERA_TITLES[era]}`}
          </option>
        ))}
      </select>
    </label>
  );
}
