// A small forest for the graph's unit tests: P forked C (6.1), C wrote page 0, the parent
// holds av0's lock for read with cpu1, cpu2 waits, and C's page 2 is a migration entry.
import { ERAS } from '../../kernel';
import type { ViewAnonVma, ViewState, ViewVma } from '../../kernel';

export function testVma(pid: string, start: number, end: number, chain: string[]): ViewVma {
  return {
    id: `${pid}:${start}`,
    pid,
    start,
    end,
    pgoff: start,
    prot: 'rw',
    growsdown: false,
    anonVma: chain[0] ?? null,
    chain,
  };
}

export function testAnonVma(id: string, extra: Partial<ViewAnonVma> = {}): ViewAnonVma {
  return {
    id,
    root: 'av0',
    parent: 'av0',
    refcount: 1,
    num_children: 0,
    num_active_vmas: 1,
    tree: [],
    lockedBy: [],
    lockMode: null,
    waiting: [],
    refs: [],
    ...extra,
  };
}

export const forkedForest: ViewState = {
  era: '6.1',
  flags: ERAS['6.1'],
  processes: [
    { pid: 'P', parent: null, vmas: [testVma('P', 0, 4, ['av0'])] },
    { pid: 'C', parent: 'P', vmas: [testVma('C', 0, 4, ['av1', 'av0'])] },
  ],
  anonVmas: [
    testAnonVma('av0', {
      refcount: 2,
      num_children: 2,
      tree: ['P:0', 'C:0'],
      lockedBy: [0, 1],
      lockMode: 'r',
      waiting: [2],
    }),
    testAnonVma('av1', { tree: ['C:0'] }),
  ],
  pages: [
    { id: 'P:0', pid: 'P', addr: 0, page: 1, anonVma: 'av0', migration: false },
    { id: 'P:1', pid: 'P', addr: 1, page: 2, anonVma: 'av0', migration: false },
    { id: 'C:0', pid: 'C', addr: 0, page: 3, anonVma: 'av1', migration: false },
    { id: 'C:1', pid: 'C', addr: 1, page: 2, anonVma: 'av0', migration: false },
    { id: 'C:2', pid: 'C', addr: 2, page: 4, anonVma: 'av0', migration: true },
  ],
  cpus: [],
};
