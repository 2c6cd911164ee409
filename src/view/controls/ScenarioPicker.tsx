// Scenario and era selectors.
import { ERA_IDS, ERA_TITLES, isEraId } from '../../kernel/flags';
import type { EraId } from '../../kernel/flags';
import { catalog } from '../../session/catalog';
import { useAppStore } from '../../store';

export function ScenarioPicker({ value }: { value: string }) {
  const selectScenario = useAppStore((s) => s.selectScenario);
  return (
    <label className="picker">
      <span>Scenario</span>
      <select
        data-testid="scenario-select"
        value={value}
        onChange={(e) => selectScenario(e.target.value)}
      >
        {catalog.map((entry) => (
          <option key={entry.id} value={entry.id}>
            {entry.title}
          </option>
        ))}
      </select>
    </label>
  );
}

export function EraPicker({ value, scenarioEra }: { value: EraId; scenarioEra: EraId }) {
  const setEra = useAppStore((s) => s.setEra);
  return (
    <label className="picker">
      <span>Era</span>
      <select
        data-testid="era-select"
        value={value}
        onChange={(e) => {
          const era = e.target.value;
          if (isEraId(era)) setEra(era === scenarioEra ? null : era);
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
