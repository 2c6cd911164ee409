// Opening a scenario file with the file picker (drag and drop: DropImport.tsx).
import { useRef } from 'react';
import { openScenarioFile } from '../../app/scenarioFiles';
import { useAppStore } from '../../store';

export function ImportSection() {
  const input = useRef<HTMLInputElement>(null);
  return (
    <section className="share-section" aria-label="Import">
      <h3>Import</h3>
      <div className="share-row">
        <button type="button" data-testid="import-button" onClick={() => input.current?.click()}>
          Open scenario JSON…
        </button>
        <span className="share-hint">or drop a file on the page</span>
        <input
          ref={input}
          type="file"
          accept=".json,application/json"
          hidden
          data-testid="import-file"
          aria-label="Scenario file"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (file) void openScenarioFile(file, useAppStore);
          }}
        />
      </div>
    </section>
  );
}
