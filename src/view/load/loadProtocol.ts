// Messages between the page and the load worker. The worker replays a big scenario, keeps a
// state every few thousand micro-steps (checkpoints) and samples the trace for its layout; the
// page receives the step records in chunks (no single message costs the main thread a long
// task to read) and rebuilds states from the checkpoints.
import type { EraId, Flags } from '../../kernel/flags';
import type { Checkpoint, ReplayParts } from '../../kernel/replayParts';
import type { Scenario } from '../../kernel/scenarioTypes';
import type { Step } from '../../kernel/trace';
import type { FamilyCount } from '../../metrics/metrics';
import type { Universe } from '../layout/universe';

export interface LoadRequest {
  type: 'load';
  id: number;
  scenario: Scenario;
  era: EraId | null;
  flags: Partial<Flags>;
  interactive: boolean;
  maxSteps: number;
}

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
  | { type: 'steps'; id: number; steps: Step[] }
  | { type: 'checkpoint'; id: number; checkpoint: Checkpoint }
  | {
      type: 'done';
      id: number;
      parts: Omit<ReplayParts, 'steps'>;
      universe: Universe;
      /** the metrics' anon_vmas per family after each op */
      families: FamilyCount[];
    }
  /** over the page's bound: how far the replay got */
  | { type: 'refused'; id: number; maxSteps: number; op: number }
  | { type: 'error'; id: number; message: string };
