// Messages between the page and the load worker. The worker replays a big scenario, keeps a
// state every few thousand micro-steps (checkpoints) and samples the trace for its layout; the
// page receives the step records in column chunks (no single message costs the main thread a
// long task to read). The checkpoints stay in the worker, which then answers the page's
// requests for the state at a cursor, as JSON text in parts (parsed far faster than a cloned
// object graph of half a million objects is read, and a part a task).
import type { EraId, Flags } from '../../kernel/flags';
import type { ReplayParts } from '../../kernel/replayParts';
import type { Scenario } from '../../kernel/scenarioTypes';
import type { StepChunk } from '../../kernel/stepColumns';
import type { ViewState } from '../../kernel/view';
import type { FamilyCount } from '../../metrics/metrics';
import type { LayoutData } from '../layout/matrixLayout';
import type { Universe } from '../layout/universe';
import type { StateParts } from './stateParts';

/** `T` as JSON text (what the page parses back is a T). */
export type Json<T> = string & { readonly json: T };

export const toJson = <T>(value: T): Json<T> => JSON.stringify(value) as Json<T>;
export const fromJson = <T>(text: Json<T>): T => JSON.parse(text) as T;

export interface LoadRequest {
  type: 'load';
  id: number;
  scenario: Scenario;
  era: EraId | null;
  flags: Partial<Flags>;
  interactive: boolean;
  maxSteps: number;
}

/** After `done`: the state after `cursor` micro-steps of load `id`. */
export interface StateRequest {
  type: 'state';
  id: number;
  cursor: number;
}

export type LoadMessage = LoadRequest | StateRequest;

export type LoadPhase = 'replay' | 'checkpoints' | 'layout' | 'metrics' | 'sending';

export interface LoadProgress {
  phase: LoadPhase;
  /** micro-steps replayed (the replay phase), or cursors sampled, or records sent */
  done: number;
  total: number;
  /** the replay phase: top-level ops begun, of `ops` */
  op?: number;
  ops?: number;
}

export type LoadReply =
  | { type: 'progress'; id: number; progress: LoadProgress }
  | { type: 'steps'; id: number; chunk: StepChunk }
  /**
   * Before `done`, each in a message of its own (the page reads each in a task of its own), as
   * JSON text: the chain's universe and layout took the page ~90 ms to read as cloned objects.
   * The universe of every object the trace holds:
   */
  | { type: 'universe'; id: number; universe: Json<Universe> }
  | {
      type: 'layout';
      id: number;
      /** the matrix layout of that universe (made here: 1,001 x 1,001 took the page 200 ms) */
      layout: Json<LayoutData>;
      /** the scenario compressed for the page's address (lz-string took the page ~80 ms) */
      link: string;
    }
  | {
      type: 'done';
      id: number;
      parts: Omit<ReplayParts, 'steps' | 'finalView' | 'forest'>;
      /** the state before the first step (the page opens there) */
      startView: ViewState;
      /**
       * Contract 2 snapshot of the final state, as JSON in UTF-8 (read only when exported),
       * transferred: received as a string, the chain's 20 MB took the page ~100 ms
       */
      forest: Uint8Array;
      /** the metrics' anon_vmas per family after each op */
      families: FamilyCount[];
    }
  /** over the page's bound: how far the replay got */
  | { type: 'refused'; id: number; maxSteps: number; op: number }
  | { type: 'error'; id: number; message: string }
  /** a StateRequest's answer: the ViewState in JSON parts (read a part a task) */
  | { type: 'state'; id: number; cursor: number; parts: StateParts };
