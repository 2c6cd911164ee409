// A point of explore's search tree (exploreDpor.ts): the CPUs enabled there, those still to try
// (backtrack) and already tried (done, then asleep below), and what the runs below it did.
import type { Future } from './exploreCache';
import type { Footprint } from './exploreTrack';

export interface Node {
  block: number;
  enabled: number[];
  backtrack: Set<number>;
  /** CPUs already explored here, with their step's footprint (they sleep in later runs) */
  done: Map<number, Footprint>;
  sleep: Map<number, Footprint>;
  cur: number;
  /** preemptions before this point, and the CPU of the block's previous step (-1: none) */
  pre: number;
  last: number;
  /** the state here (shared state and every CPU's observations) */
  key: number;
  /** what the CPUs did below this point, in every run so far */
  future: Future;
  /** below it a run came back to a state above it (the lock dance): not cached */
  loop: boolean;
  /** the run's counts (restarts) here, and the most they grew below, over every run */
  counts: Record<string, number>;
  below: Record<string, number>;
}

export const empty = <K, V>(): Map<K, V> => new Map<K, V>();
