// Big scenarios are opened off the main thread: the places that open a scenario (a file, a link,
// an embedding page's `load`) or replay the open one again (another era, a flag, interactive
// mode, an edit: the store's commit) hand a big one here, and the page's loader
// (src/view/load/) replays it in a worker with progress and cancel, then opens it or says why
// not. A job handed over before the loader is mounted (a link, read before the first render)
// waits for it.
import type { EraId, Flags } from '../kernel/flags';
import type { Scenario } from '../kernel/scenarioTypes';

export interface BigLoadJob {
  scenario: Scenario;
  /** the file it came from, for the messages; null for a link or a message */
  file: string | null;
  /** `edit`: the open scenario under other inputs (era, flags, mode, an op added) */
  source: 'file' | 'link' | 'embed' | 'edit';
  /** an era and flags picked on top of the file's (a link's) */
  era: EraId | null;
  flags: Partial<Flags>;
  /** interactive mode (the page's when absent) */
  interactive?: boolean;
  /**
   * where the cursor goes once loaded (its start when absent): a link's `step=`, or `keep` for
   * an edit that keeps the cursor where it is
   */
  step?: number | 'end' | 'keep';
}

type Opener = (job: BigLoadJob) => void;

let opener: Opener | null = null;
const waiting: BigLoadJob[] = [];

/** Opens `job` in the loader (a newer job replaces one still running). */
export function openBig(job: BigLoadJob): void {
  if (opener) opener(job);
  else waiting.push(job);
}

/** The loader, once mounted; returns its removal. */
export function registerBigOpener(fn: Opener): () => void {
  opener = fn;
  for (const job of waiting.splice(0)) fn(job);
  return () => {
    if (opener === fn) opener = null;
  };
}
