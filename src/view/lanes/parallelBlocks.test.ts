import { describe, expect, it } from 'vitest';
import { ERAS } from '../../kernel';
import type { ScenarioOp, ViewState } from '../../kernel';
import { blockAt, cpuChoices, parallelBlocks, scheduleWith } from './parallelBlocks';

const ops: ScenarioOp[] = [
  { op: 'spawn', pid: 'P' },
  {
    op: 'parallel',
    threads: [[{ op: 'exit', pid: 'P' }], [{ op: 'exit', pid: 'P' }]],
  },
  { op: 'exit', pid: 'P' },
];
const step = (op: number, cpu = 0) => ({ op, cpu });
const trace = {
  steps: [step(0), step(1, 0), step(1, 1), step(1, 0), step(2)],
  opStarts: [0, 1, 4],
};
const view = (cpus: ViewState['cpus']): ViewState => ({
  era: '6.1',
  flags: ERAS['6.1'],
  processes: [],
  anonVmas: [],
  pages: [],
  cpus,
});

describe('parallel blocks', () => {
  const blocks = parallelBlocks(trace, ops);
  const block = blocks[0]!;

  it('finds each block with the CPU of each of its steps', () => {
    expect(blocks).toEqual([{ op: 1, cpus: 2, from: 1, to: 4, cells: [0, 1, 0] }]);
  });

  it('shows the block around the cursor, else the next, else the last', () => {
    expect(blockAt(blocks, 0)).toBe(block);
    expect(blockAt(blocks, 3)).toBe(block);
    expect(blockAt(blocks, 5)).toBe(block);
    expect(blockAt([], 2)).toBeNull();
  });

  it('says which CPUs can go and why the others cannot', () => {
    const v = view([
      { cpu: 0, waitingFor: 'av0', done: false, holds: [] },
      { cpu: 1, waitingFor: null, done: false, holds: [] },
    ]);
    expect(cpuChoices(block, v, null, false)).toEqual([
      { cpu: 0, ready: false, why: 'waits for av0' },
      { cpu: 1, ready: true },
    ]);
    const done = view([{ cpu: 0, waitingFor: null, done: true, holds: [] }]);
    expect(cpuChoices(block, done, null, false)).toEqual([
      { cpu: 0, ready: false, why: 'finished' },
      { cpu: 1, ready: false, why: 'not started' },
    ]);
  });

  it("trusts the kernel's answer where the interactive replay stopped", () => {
    const v = view([
      { cpu: 0, waitingFor: null, done: false, holds: [] },
      { cpu: 1, waitingFor: null, done: false, holds: [] },
    ]);
    const choices = cpuChoices(block, v, { op: 1, ready: [1] }, true);
    expect(choices.map((c) => c.ready)).toEqual([false, true]);
  });

  it('keeps the schedule up to the cursor and appends the chosen CPU', () => {
    expect(scheduleWith(block, 1, 1)).toEqual([1]);
    expect(scheduleWith(block, 3, 1)).toEqual([0, 1, 1]);
    expect(scheduleWith(block, 4, 0)).toEqual([0, 1, 0, 0]);
  });
});
