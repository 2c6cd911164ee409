// Contract 1: the scenario file (`anon-vma-forest/scenario@1`, and `@2`, which adds the `reclaim`
// op). Addresses and lengths in pages.
import type { EraId, Flags } from './flags';

export const SCENARIO_FORMAT = 'anon-vma-forest/scenario@1';
/** @1 plus `reclaim` (page_referenced from vmscan); a file using it must say @2. */
export const SCENARIO_FORMAT_2 = 'anon-vma-forest/scenario@2';
export const SCENARIO_FORMATS = [SCENARIO_FORMAT, SCENARIO_FORMAT_2] as const;
export type ScenarioFormat = (typeof SCENARIO_FORMATS)[number];
/** Ops that need format @2. */
export const OPS_SINCE_2: readonly string[] = ['reclaim'];

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
  | { op: 'take_all_locks'; pid: string }
  | { op: 'reclaim'; pid: string; addr: number };

export type SimpleOp = Op;
export type OpName = Op['op'];

export interface ParallelOp {
  op: 'parallel';
  threads: SimpleOp[][];
  schedule?: number[];
}

export type ScenarioOp = SimpleOp | ParallelOp;

/** The format a list of ops needs: @2 when an op (in any thread) is one only @2 knows. */
export function formatFor(ops: readonly ScenarioOp[]): ScenarioFormat {
  const uses2 = (o: SimpleOp) => OPS_SINCE_2.includes(o.op);
  const needs2 = ops.some((o) =>
    o.op === 'parallel' ? o.threads.some((t) => t.some(uses2)) : uses2(o),
  );
  return needs2 ? SCENARIO_FORMAT_2 : SCENARIO_FORMAT;
}

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
  format: ScenarioFormat;
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
