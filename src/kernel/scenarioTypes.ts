// Contract 1: the scenario file (`anon-vma-forest/scenario@1`). Addresses and lengths in pages.
import type { EraId, Flags } from './flags';

export const SCENARIO_FORMAT = 'anon-vma-forest/scenario@1';

export type Op =
  | { op: 'spawn'; pid: string }
  | { op: 'mmap'; pid: string; addr: number; pages: number; growsdown?: boolean }
  | { op: 'touch'; pid: string; addr: number; write?: boolean }
  | { op: 'fork'; pid: string; child: string }
  | { op: 'mprotect'; pid: string; addr: number; pages: number; prot: 'r' | 'rw' }
  | { op: 'munmap'; pid: string; addr: number; pages: number }
  | { op: 'mremap'; pid: string; addr: number; pages: number; newAddr: number }
  | { op: 'expand'; pid: string; addr: number; pages: number }
  | { op: 'exit'; pid: string }
  | { op: 'migrate'; pid: string; addr: number }
  | { op: 'ksm_get'; pid: string; addr: number; ref: string }
  | { op: 'ksm_put'; ref: string }
  | { op: 'take_all_locks'; pid: string };

export type SimpleOp = Op;
export type OpName = Op['op'];

export interface ParallelOp {
  op: 'parallel';
  threads: SimpleOp[][];
  schedule?: number[];
}

export type ScenarioOp = SimpleOp | ParallelOp;

export interface Source {
  author?: string;
  date?: string;
  subject?: string;
  messageId?: string;
  url?: string;
}

export type Narration = { op: number; text: string } | { step: number; text: string };

export interface ExpectBreak {
  era: EraId;
  flags?: Partial<Flags>;
  kind: string;
}
export interface ExpectHold {
  era: EraId;
  flags?: Partial<Flags>;
}

export interface Scenario {
  format: typeof SCENARIO_FORMAT;
  title: string;
  era: EraId;
  flags?: Partial<Flags>;
  ops: ScenarioOp[];
  description?: string;
  source?: Source;
  narration?: Narration[];
  expect?: { breaks?: ExpectBreak[]; holds?: ExpectHold[] };
}

/** A bad scenario: `opIndex` is the top-level op (and `path` the field) that is wrong. */
export class ScenarioError extends Error {
  readonly opIndex: number | null;
  readonly field: string | null;
  constructor(message: string, opIndex: number | null = null, field: string | null = null) {
    super(message);
    this.name = 'ScenarioError';
    this.opIndex = opIndex;
    this.field = field;
  }
}
