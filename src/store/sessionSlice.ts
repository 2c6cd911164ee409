// Which scenario is open, under which era and flags, and whether CPUs are picked by hand. The
// trace is derived from these (src/session/) and the cursor lives in the playback machine, never
// here (STYLE.md 5). Every edit is replayed before it is committed: one the model rejects leaves
// the state as it was, and the action says why in its result ({ ok: false, error }).
import type { StateCreator } from 'zustand';
import type { EraId, Flags } from '../kernel/flags';
import type { Scenario, ScenarioOp } from '../kernel/scenarioTypes';
import { openBig } from '../session/bigLoads';
import { baseFlags, currentScenario, effectiveEra, sessionOf } from '../session/current';
import type { SessionInputs } from '../session/current';
import {
  emptyScenario,
  withLastInParallel,
  withOp,
  withoutLastOp,
  withSchedule,
} from '../session/edit';
import { needsWorker } from '../session/traces';
import type { AppState } from './index';

/** Where the cursor goes once the next session is loaded. */
/** Where the cursor goes: a place, or a step (a link's `step=`, once its big scenario loaded). */
export type CursorIntent = 'start' | 'end' | 'keep' | number;

/** What an action did: done, or refused with the reason (the state is then unchanged). */
export type ActionResult = { ok: true } | { ok: false; error: string };

export const DONE: ActionResult = { ok: true };

export interface SessionSlice extends SessionInputs {
  /**
   * Where the cursor goes on the trace of the session this action made: set with the session
   * fields, read in the same tick by the page's controller when it hands the trace to the
   * playback machine (src/app/controller.ts).
   */
  cursorIntent: CursorIntent;
  loadBuiltin: (id: string) => void;
  /** @deprecated name kept for the scenario picker: same as loadBuiltin */
  selectScenario: (id: string) => void;
  setEra: (era: EraId | null) => ActionResult;
  /** `undefined` removes the override (back to the era's value) */
  setFlag: <K extends keyof Flags>(name: K, value: Flags[K] | undefined) => ActionResult;
  resetFlags: () => ActionResult;
  appendOp: (op: ScenarioOp) => ActionResult;
  undoOp: () => ActionResult;
  /** the last op on a CPU of its own, beside the op before it (a parallel block) */
  parallelLastOp: () => ActionResult;
  setSchedule: (opIndex: number, schedule: number[]) => ActionResult;
  setInteractive: (on: boolean) => ActionResult;
  newScenario: () => void;
  /** an already validated scenario (parseScenario) */
  loadScenario: (scenario: Scenario) => ActionResult;
}

type Set = Parameters<StateCreator<AppState>>[0];
type Get = Parameters<StateCreator<AppState>>[1];

function inputsOf(s: AppState): SessionInputs {
  const { scenarioId, custom, eraOverride, flagsOverride, interactive } = s;
  return { scenarioId, custom, eraOverride, flagsOverride, interactive };
}

/** Replays the state with `patch` applied and commits it only when the replay succeeds. */
function tryCommit(
  set: Set,
  get: Get,
  patch: Partial<SessionInputs>,
  cursor: CursorIntent,
): ActionResult {
  const next = { ...inputsOf(get()), ...patch };
  // A big scenario is replayed in the load worker (seconds of work): the loader commits these
  // inputs when it is done, and keeps the open state if the model refuses them.
  const big = currentScenario(next)?.scenario;
  const { eraOverride: era, flagsOverride: flags, interactive } = next;
  if (big && needsWorker({ scenario: big, era, flags, interactive })) {
    const step = cursor === 'start' ? {} : { step: cursor };
    openBig({ scenario: big, file: null, source: 'edit', era, flags, interactive, ...step });
    return DONE;
  }
  const session = sessionOf(next);
  if (session && !session.ok) return { ok: false, error: session.error };
  set({ ...patch, cursorIntent: cursor });
  return DONE;
}

const reject = (error: string): ActionResult => ({ ok: false, error });

export const createSessionSlice: StateCreator<AppState, [], [], SessionSlice> = (set, get) => {
  const current = () => currentScenario(get())?.scenario ?? null;
  const edit = (f: (sc: Scenario) => Scenario | string | null, what: string) => {
    const sc = current();
    const next = sc ? f(sc) : null;
    if (next === null) return reject(`Nothing to ${what}.`);
    if (typeof next === 'string') return reject(next);
    return tryCommit(set, get, { custom: next }, 'end');
  };
  // Another scenario starts under its own era, with its own flags.
  const loadBuiltin = (id: string) =>
    set({
      scenarioId: id,
      custom: null,
      eraOverride: null,
      flagsOverride: {},
      cursorIntent: 'start',
    });
  return {
    scenarioId: null,
    custom: null,
    eraOverride: null,
    flagsOverride: {},
    interactive: false,
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
        cursorIntent: 'start',
      });
    },
    loadScenario: (scenario) =>
      tryCommit(set, get, { custom: scenario, eraOverride: null, flagsOverride: {} }, 'start'),
  };
};
