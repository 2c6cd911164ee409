// Whether the reader steps by every micro-step or by what changed in the drawing: a preference of
// the reader's, like the theme, remembered in localStorage (storage may be missing or throw: in
// private mode or a sandboxed iframe the choice holds for the visit only).
export const MICRO_STORAGE_KEY = 'anon-vma-forest:every-micro-step';

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem'>;

function browserStorage(): Storage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.localStorage;
  } catch {
    return undefined;
  }
}

/** The saved choice; false (step by what changed) when none was saved or storage fails. */
export function readMicroPreference(storage: Storage | undefined = browserStorage()): boolean {
  try {
    return storage?.getItem(MICRO_STORAGE_KEY) === 'true';
  } catch {
    return false;
  }
}

export function writeMicroPreference(on: boolean, storage: Storage | undefined = browserStorage()) {
  try {
    storage?.setItem(MICRO_STORAGE_KEY, String(on));
  } catch {
    // quota or privacy settings: the choice still applies for this visit
  }
}
