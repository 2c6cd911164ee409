// Scenarios kept in this browser (localStorage): save the one shown under a name, open, delete.
import { useMemo, useState } from 'react';
import type { Session } from '../../session/session';
import { browserStorage, deleteSaved, listSaved, saveScenario } from '../../storage/savedScenarios';
import type { SavedScenario } from '../../storage/savedScenarios';
import { useAppStore } from '../../store';
import { openSaved, SAVED_CHANGED } from '../controls/savedEntries';

export function SavedSection({ session }: { session: Session }) {
  const [name, setName] = useState(session.scenario.title);
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<string | null>(null);
  // read again after each save or delete (`version`); storage is not shared state of the page
  const list = useMemo(() => {
    void version;
    return listSaved(browserStorage());
  }, [version]);
  const save = () => {
    const { eraOverride, flagsOverride } = useAppStore.getState();
    const why = saveScenario(browserStorage(), name, {
      scenario: session.scenario,
      era: eraOverride,
      flags: flagsOverride,
    });
    setError(why);
    changed();
  };
  const open = openSaved;
  const remove = (entry: SavedScenario) => {
    deleteSaved(browserStorage(), entry.id);
    changed();
  };
  // this menu reads the list again, and so does the scenario picker
  const changed = () => {
    setVersion((v) => v + 1);
    window.dispatchEvent(new Event(SAVED_CHANGED));
  };
  return (
    <section className="share-section" aria-label="Saved scenarios">
      <h3>Saved in this browser</h3>
      <form
        className="share-row"
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <input
          className="share-name"
          data-testid="save-name"
          aria-label="Name"
          value={name}
          maxLength={80}
          onChange={(e) => setName(e.target.value)}
        />
        <button
          type="submit"
          data-testid="save-scenario"
          disabled={session.scenario.ops.length === 0}
        >
          Save
        </button>
      </form>
      {error && (
        <p className="share-error" role="alert">
          {error}
        </p>
      )}
      {list.skipped.map((text) => (
        <p key={text} className="share-hint" role="status" data-testid="saved-skipped">
          {text}
        </p>
      ))}
      {list.entries.length === 0 ? (
        <p className="share-hint">Nothing saved yet.</p>
      ) : (
        <ul className="saved-list" data-testid="saved-list">
          {list.entries.map((entry) => (
            <li key={entry.id} data-testid="saved-entry" data-name={entry.name}>
              <button
                type="button"
                className="link"
                onClick={() => open(entry)}
                title={`Open ${entry.name}`}
              >
                {entry.name}
              </button>
              <span className="share-hint">{new Date(entry.savedAt).toLocaleString('en')}</span>
              <button
                type="button"
                className="saved-delete"
                aria-label={`Delete ${entry.name}`}
                onClick={() => remove(entry)}
              >
                Delete
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
