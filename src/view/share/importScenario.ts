// Importing a scenario file (file picker or drag and drop): read, validate (Contract 1), replay,
// and only then replace what is open. A rejected file leaves the page as it was and says why, in
// the words of the validator (ScenarioError) or of the model.
import { MAX_SCENARIO_CHARS, parseScenario } from '../../kernel/scenario';
import type { Scenario } from '../../kernel/scenarioTypes';
import { useAppStore } from '../../store';

/** The scenario in `text`, or why not. */
export function readScenarioText(text: string): Scenario | string {
  try {
    return parseScenario(text);
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

function quoted(name: string): string {
  return JSON.stringify(name.length > 60 ? `${name.slice(0, 60)}…` : name);
}

/** Opens `file` as the current scenario; the reader is told either way. */
export async function importScenarioFile(file: File): Promise<boolean> {
  const { notify } = useAppStore.getState();
  const fail = (why: string) => {
    notify(`${quoted(file.name)} was not opened: ${why}`, 'error');
    return false;
  };
  if (file.size > MAX_SCENARIO_CHARS) return fail('the file is larger than 2 MB.');
  let text: string;
  try {
    text = await file.text();
  } catch {
    return fail('the file cannot be read.');
  }
  const scenario = readScenarioText(text);
  if (typeof scenario === 'string') return fail(endSentence(scenario));
  const store = useAppStore.getState();
  if (!store.loadScenario(scenario)) {
    const why = useAppStore.getState().actionError ?? 'the model cannot replay it';
    store.dismissActionError();
    return fail(endSentence(why));
  }
  notify(`Opened ${quoted(scenario.title)} from ${quoted(file.name)}.`, 'info');
  return true;
}

function endSentence(s: string): string {
  return /[.!?]$/.test(s) ? s : `${s}.`;
}
