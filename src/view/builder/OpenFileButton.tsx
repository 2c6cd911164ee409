// Opens a scenario file from disk. A file that does not parse or replay leaves the open scenario
// as it was and says why (the store's action error).
import type { ChangeEvent } from 'react';
import { parseScenario } from '../../kernel/scenario';
import { useAppStore } from '../../store';

async function open(e: ChangeEvent<HTMLInputElement>): Promise<void> {
  const input = e.currentTarget;
  const file = input.files?.[0];
  input.value = ''; // the same file can be opened again after an edit
  if (!file) return;
  const { loadScenario, reportActionError } = useAppStore.getState();
  try {
    loadScenario(parseScenario(await file.text()));
  } catch (err) {
    reportActionError(`${file.name}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

export function OpenFileButton() {
  return (
    <label className="file-button">
      Open scenario file…
      <input
        type="file"
        data-testid="builder-open"
        accept=".json,application/json"
        className="visually-hidden"
        onChange={(e) => void open(e)}
      />
    </label>
  );
}
