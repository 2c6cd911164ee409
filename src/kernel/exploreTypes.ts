// What explore's search (exploreDpor.ts) takes and gives back.
import type { Violation } from './trace';

export type StopReason = 'max-states' | 'max-seconds' | 'max-runs' | 'max-memory' | 'cancelled';

export interface SearchProgress {
  states: number;
  runs: number;
  redundant: number;
  steps: number;
  elapsedMs: number;
  found: boolean;
}

export interface DporOptions {
  /** 'sleep': every CPU at every point (sleep sets only), for cross-checks */
  reduction: 'dpor' | 'sleep';
  preemptions?: number;
  kind?: string;
  maxStates: number;
  maxRuns: number;
  /** states kept in the cache (beyond, finished states are forgotten: slower, still complete) */
  maxCached: number;
  /** locations kept in the cache's summaries, in all */
  maxCachedLocs: number;
  deadline: number;
  /** over this many bytes of heap (as `memory` reports it), stop */
  maxMemory?: { bytes: number; used: () => number };
  progress?: (p: SearchProgress) => boolean;
  progressMs: number;
}

export interface Found {
  violation: Violation;
  /** the causally needed steps of each block up to the violation, in run order */
  schedules: number[][];
  length: number;
}

export interface DporOutcome {
  states: number;
  runs: number;
  redundant: number;
  /** runs that ended in a state already explored */
  cached: number;
  steps: number;
  found: Found | null;
  stopped: StopReason | null;
  counts: Record<string, number>;
}
