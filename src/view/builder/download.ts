// Saving a scenario as a file: the text and the file name are pure; only saveText touches the DOM.
import { scenarioToJson } from '../../kernel/scenario';
import type { Scenario } from '../../kernel/scenarioTypes';

/** `My forest` → `my-forest.json`. */
export function fileNameFor(title: string): string {
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'scenario'}.json`;
}

/** The file's text, or why there is none (Contract 1 needs at least one op). */
export function scenarioFile(
  scenario: Scenario,
): { ok: true; text: string } | { ok: false; why: string } {
  if (scenario.ops.length === 0)
    return { ok: false, why: 'add an op first: a scenario needs at least one' };
  try {
    return { ok: true, text: scenarioToJson(scenario) };
  } catch (err) {
    return { ok: false, why: err instanceof Error ? err.message : String(err) };
  }
}

/** Offers `text` as a download through a temporary object URL and `<a download>`. */
export function saveText(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // the browser has taken the blob once click() returns; revoke on the next turn to be safe
  window.setTimeout(() => URL.revokeObjectURL(url), 0);
}
