// Which scenario is open, under which era and flags, and whether CPUs are picked by hand. The
// trace is derived from these (src/session/) and the cursor lives in the playback machine, never
// here (STYLE.md 5). Every edit is replayed before it is committed: one the model rejects leaves
// the state as it was and only sets `actionError`.
import type { StateCreator } from 'zustand';
import type { EraId, Flags } from '../kernel/flags';
import type { Scenario, ScenarioOp } from '../kernel/scenarioTypes';
import { baseFlags, currentScenario, effectiveEra, sessionOf } from '../session/current';
import type { SessionInputs } from '../session/current';
import {
  emptyScenario,
  withLastInParallel,
  withOp,
  withoutLastOp,
  withSchedule,
} from '../session/edit';
import type { AppState } from './index';

/** Where the cursor goes once the next session is loaded. */
export type CursorIntent = 'start' | 'end' | 'keep';

export interface SessionSlice extends SessionInputs {
  /** why the last edit was rejected (shown as an alert); null after a successful one */
  actionError: string | null;
  /** set by each action, read by the page when it hands the new trace to the playback machine */
  cursorIntent: CursorIntent;
  loadBuiltin: (id: string) => void;
  /** @deprecated name kept for the scenario picker: same as loadBuiltin */
  selectScenario: (id: string) => void;
  setEra: (era: EraId | null) => boolean;
  /** `undefined` removes the override (back to the era's value) */
  setFlag: <K extends keyof Flags>(name: K, value: Flags[K] | undefined) => boolean;
  resetFlags: () => boolean;
  appendOp: (op: ScenarioOp) => boolean;
  undoOp: () => boolean;
  /** the last op on a CPU of its own, beside the op before it (a parallel block) */
  parallelLastOp: () => boolean;
  setSchedule: (opIndex: number, schedule: number[]) => boolean;
  setInteractive: (on: boolean) => boolean;
  newScenario: () => void;
  /** an already validated scenario (parseScenario) */
  loadScenario: (scenario: Scenario) => boolean;
  /** shows why something the user asked for was not done (a file that does not parse, ...) */
  reportActionError: (message: string) => void;
  dismissActionError: () => void;
}

type Set = Parameters<StateCreator<AppState>>[0];
type Get = Parameters<StateCreator<AppState>>[1];

function inputsOf(s: AppState): SessionInputs {
  const { scenarioId, custom, eraOverride, flagsOverride, interactive } = s;
  return { scenarioId, custom, eraOverride, flagsOverride, interactive };
}

/** Replays the state with `patch` applied and commits it only when the replay succeeds. */
function tryCommit(set: Set, get: Get, patch: Partial<SessionInputs>, cursor: CursorIntent) {
  const next = { ...inputsOf(get()), ...patch };
  const session = sessionOf(next);
  if (session && !session.ok) {
    set({ actionError: session.error });
    return false;
  }
  set({ ...patch, actionError: null, cursorIntent: cursor });
  return true;
}

function reject(set: Set, message: string): false {
  set({ actionError: message });
  return false;
}

export const createSessionSlice: StateCreator<AppState, [], [], SessionSlice> = (set, get) => {
  const current = () => currentScenario(get())?.scenario ?? null;
  const edit = (f: (sc: Scenario) => Scenario | string | null, what: string) => {
    const sc = current();
    const next = sc ? f(sc) : null;
    if (next === null) return reject(set, `Nothing to ${what}.`);
    if (typeof next === 'string') return reject(set, next);
    return tryCommit(set, get, { custom: next }, 'end');
  };
  // Another scenario starts under its own era, with its own flags.
  const loadBuiltin = (id: string) =>
    set({
      scenarioId: id,
      custom: null,
      eraOverride: null,
      flagsOverride: {},
      actionError: null,
      cursorIntent: 'start',
    });
  return {
    scenarioId: null,
    custom: null,
    eraOverride: null,
    flagsOverride: {},
    interactive: false,
    actionError: null,
    cursorIntent: 'start',
    loadBuiltin,
    selectScenario: loadBuiltin,
    setEra: (era) => tryCommit(set, get, { eraOverride: era }, 'keep'),
    setFlag: (name, value) => {
      const sc = current();
      const { [name]: _old, ...others } = get().flagsOverride;
      // a value equal to the era's own is no override: the cache and the "changed" marks agree
      const same = sc !== null && baseFlags(sc, get().eraOverride)[name] === value;
      const flags: Partial<Flags> =
        value === undefined || same ? others : { ...others, [name]: value };
      return tryCommit(set, get, { flagsOverride: flags }, 'keep');
    },
    resetFlags: () => tryCommit(set, get, { flagsOverride: {} }, 'keep'),
    appendOp: (op) => edit((sc) => withOp(sc, op), 'append to'),
    undoOp: () => edit(withoutLastOp, 'undo'),
    parallelLastOp: () => edit(withLastInParallel, 'run in parallel'),
    setSchedule: (opIndex, schedule) =>
      edit((sc) => withSchedule(sc, opIndex, schedule), 'schedule'),
    setInteractive: (on) => tryCommit(set, get, { interactive: on }, 'keep'),
    newScenario: () => {
      const sc = current();
      const era = sc ? effectiveEra(sc, get().eraOverride) : '6.1';
      set({
        custom: emptyScenario(era),
        eraOverride: null,
        actionError: null,
        cursorIntent: 'start',
      });
    },
    loadScenario: (scenario) =>
      tryCommit(set, get, { custom: scenario, eraOverride: null, flagsOverride: {} }, 'start'),
    reportActionError: (message) => set({ actionError: message }),
    dismissActionError: () => set({ actionError: null }),
  };
};
