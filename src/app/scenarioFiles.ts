// Opening and saving scenario files from the page: the scenario-file module's reading and
// writing (session/scenarioFile.ts), the store's load, a download, and what the reader is told,
// on the page's one notification surface. The builder's buttons, the share menu and a file
// dropped on the page all come here.
import { downloadText } from '../export/download';
import { isBigScenario } from '../session/bigScenario';
import { openBig } from '../session/bigLoads';
import { currentScenario } from '../session/current';
import { quotedName, readScenarioFile, scenarioFileFor } from '../session/scenarioFile';
import type { AppState } from '../store';
import { DONE } from '../store/sessionSlice';
import type { ActionResult } from '../store/sessionSlice';

interface Store {
  getState(): AppState;
}

const sentence = (s: string): string => (/[.!?]$/.test(s) ? s : `${s}.`);

/** Reads, validates and replays `file`, then opens it; the reader is told either way. */
export async function openScenarioFile(
  file: Pick<Blob, 'size' | 'text'> & { name: string },
  store: Store,
): Promise<ActionResult> {
  const { notify } = store.getState();
  const read = await readScenarioFile(file);
  if (!read.ok) {
    notify(read.error, 'error');
    return read;
  }
  if (isBigScenario(read.scenario)) {
    // replayed in the load worker, which opens it or says why not
    openBig({ scenario: read.scenario, file: file.name, source: 'file', era: null, flags: {} });
    return DONE;
  }
  const loaded = store.getState().loadScenario(read.scenario);
  if (!loaded.ok) {
    const error = `${quotedName(file.name)} was not opened: ${sentence(loaded.error)}`;
    notify(error, 'error');
    return { ok: false, error };
  }
  notify(`Opened ${quotedName(read.scenario.title)} from ${quotedName(file.name)}.`, 'info');
  return DONE;
}

/** Saves the open scenario as replayed (era and flags written in) as a download. */
export function saveScenarioFile(store: Store): ActionResult {
  const s = store.getState();
  const scenario = currentScenario(s)?.scenario;
  const file = scenario
    ? scenarioFileFor(scenario, s.eraOverride, s.flagsOverride)
    : { ok: false as const, error: 'no scenario is open' };
  if (!file.ok) {
    s.notify(`Scenario export failed: ${file.error}`, 'error');
    return file;
  }
  if (file.note) s.notify(file.note, 'info');
  downloadText(file.text, file.name);
  return DONE;
}
