// Messages between the page and the explore worker. The worker runs the kernel's explore()
// off the main thread; cancelling terminates the worker (its loop never yields to messages).
import type { ExploreResult, SearchProgress } from '../kernel/explore';
import type { Flags } from '../kernel/flags';
import type { Scenario } from '../kernel/scenarioTypes';

export interface ExploreRequest {
  type: 'explore';
  id: number;
  scenario: Scenario;
  era?: string;
  flags?: Partial<Flags>;
  maxStates?: number;
  maxSeconds?: number;
}

export type ExploreReply =
  | { type: 'progress'; id: number; progress: SearchProgress }
  | { type: 'done'; id: number; result: ExploreResult }
  | { type: 'error'; id: number; message: string };
