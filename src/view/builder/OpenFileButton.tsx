// Opens a scenario file from disk (the same path as the share menu's import and a dropped file):
// a file that does not parse or replay leaves the open scenario as it was and says why.
import { openScenarioFile } from '../../app/scenarioFiles';
import { useAppStore } from '../../store';

export function OpenFileButton() {
  return (
    <label className="file-button">
      Open scenario file…
      <input
        type="file"
        data-testid="builder-open"
        accept=".json,application/json"
        className="visually-hidden"
        onChange={(e) => {
          const input = e.currentTarget;
          const file = input.files?.[0];
          input.value = ''; // the same file can be opened again after an edit
          if (file) void openScenarioFile(file, useAppStore);
        }}
      />
    </label>
  );
}
