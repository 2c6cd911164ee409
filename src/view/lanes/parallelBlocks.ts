// The `parallel` blocks of a trace, for the CPU lanes (pure): which steps each block took, which
// CPU took each one, and what a person may choose at a cursor inside a block.
import type { ScenarioOp, ViewState } from '../../kernel';

export interface ParallelBlock {
  /** index of the `parallel` op in the scenario */
  op: number;
  cpus: number;
  /** 0-based index of its first step; it took steps [from, to) */
  from: number;
  to: number;
  /** the CPU of each of its steps, in order */
  cells: number[];
}

export interface BlockSource {
  steps: readonly { cpu: number; op: number }[];
  opStarts: readonly number[];
}

export function parallelBlocks(trace: BlockSource, ops: readonly ScenarioOp[]): ParallelBlock[] {
  const total = trace.steps.length;
  const out: ParallelBlock[] = [];
  trace.opStarts.forEach((from, i) => {
    const op = ops[i];
    if (op?.op !== 'parallel') return;
    const to = trace.opStarts[i + 1] ?? total;
    const cells = trace.steps.slice(from, to).map((s) => s.cpu);
    out.push({ op: i, cpus: op.threads.length, from, to, cells });
  });
  return out;
}

/**
 * The block to show at `cursor`: the one the cursor is in (from the position just before its first
 * step to the one after its last), else the next one, else the last one.
 */
export function blockAt(blocks: readonly ParallelBlock[], cursor: number): ParallelBlock | null {
  return (
    blocks.find((b) => b.from <= cursor && cursor <= b.to) ??
    blocks.find((b) => b.from > cursor) ??
    blocks[blocks.length - 1] ??
    null
  );
}

export const inBlock = (b: ParallelBlock, cursor: number) => b.from <= cursor && cursor <= b.to;

export type CpuChoice = { cpu: number; ready: true } | { cpu: number; ready: false; why: string };

/**
 * Which CPUs could take the next step at `cursor`: the kernel's own answer (`awaiting`) when the
 * cursor is where the interactive replay stopped, otherwise read from the view's CPU states.
 */
export function cpuChoices(
  block: ParallelBlock,
  view: ViewState,
  awaiting: { op: number; ready: number[] } | null,
  atEnd: boolean,
): CpuChoice[] {
  const out: CpuChoice[] = [];
  for (let cpu = 0; cpu < block.cpus; cpu++) {
    const status = view.cpus.find((c) => c.cpu === cpu);
    const why = !status
      ? 'not started'
      : status.done
        ? 'finished'
        : status.waitingFor
          ? `waits for ${status.waitingFor}`
          : null;
    const ready =
      awaiting && atEnd && awaiting.op === block.op ? awaiting.ready.includes(cpu) : why === null;
    out.push(ready ? { cpu, ready: true } : { cpu, ready: false, why: why ?? 'cannot go' });
  }
  return out;
}

/** The block's schedule that replays its steps up to `cursor` and then lets `cpu` go. */
export function scheduleWith(block: ParallelBlock, cursor: number, cpu: number): number[] {
  return [...block.cells.slice(0, Math.max(0, cursor - block.from)), cpu];
}
