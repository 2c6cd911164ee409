// Synthetic view states for the level-of-detail tests.
import { ERAS } from '../../kernel';
import type { ViewState } from '../../kernel';

/** `n` processes with one VMA each, chained to `depth` anon_vmas, one page each. */
export function bigView(n: number, depth = 3): ViewState {
  const chainOf = (i: number) => Array.from({ length: depth }, (_, d) => `av${i + d}`);
  return {
    era: '6.1',
    flags: ERAS['6.1'],
    processes: Array.from({ length: n }, (_, i) => ({
      pid: `P${i}`,
      parent: i === 0 ? null : 'P0',
      vmas: [
        {
          id: `P${i}:0`,
          pid: `P${i}`,
          start: 0,
          end: 1,
          pgoff: 0,
          prot: 'rw' as const,
          growsdown: false,
          anonVma: `av${i}`,
          chain: chainOf(i),
        },
      ],
    })),
    anonVmas: Array.from({ length: n }, (_, i) => ({
      id: `av${i}`,
      refcount: 1,
      tree: [`P${i}:0`],
      lockedBy: i === 0 ? [1] : [],
      lockMode: i === 0 ? ('w' as const) : null,
      waiting: [],
      refs: [],
    })),
    pages: Array.from({ length: n }, (_, i) => ({
      id: `P${i}:0`,
      pid: `P${i}`,
      addr: 0,
      page: i,
      anonVma: `av${i}`,
      migration: false,
    })),
    cpus: [],
  };
}
