import { describe, expect, it } from 'vitest';
import { ERAS } from '../../kernel';
import type { ViewAnonVma, ViewState } from '../../kernel';
import { addParents, familyOrder } from './family';
import type { ParentLink } from './family';

function av(id: string, extra: Partial<ViewAnonVma> = {}): ViewAnonVma {
  return {
    id,
    refcount: 1,
    tree: [],
    lockedBy: [],
    lockMode: null,
    waiting: [],
    refs: [],
    ...extra,
  };
}

function state(anonVmas: ViewAnonVma[], chains: string[][] = []): ViewState {
  return {
    era: '6.1',
    flags: ERAS['6.1'],
    processes: [
      {
        pid: 'P',
        parent: null,
        vmas: chains.map((chain, i) => ({
          id: `P:${i}`,
          pid: 'P',
          start: i,
          end: i + 1,
          pgoff: i,
          prot: 'rw' as const,
          growsdown: false,
          anonVma: chain[0] ?? null,
          chain,
        })),
      },
    ],
    anonVmas,
    pages: [],
    cpus: [],
  };
}

const parentsOf = (s: ViewState) => {
  const m = new Map<string, ParentLink>();
  addParents(m, s);
  return Object.fromEntries(m);
};

describe('addParents', () => {
  it('takes parent where the era has it, else root, and skips a root', () => {
    const p = parentsOf(
      state([
        av('av0', { root: 'av0', parent: 'av0' }),
        av('av1', { root: 'av0', parent: 'av0' }),
        av('av2', { root: 'av0', parent: 'av1' }),
        av('av3', { root: 'av0' }),
      ]),
    );
    expect(p).toEqual({
      av1: { id: 'av0', inferred: false },
      av2: { id: 'av1', inferred: false },
      av3: { id: 'av0', inferred: false },
    });
  });

  it('reads a family from the chains when the era has no pointer (2.6.34)', () => {
    const p = parentsOf(state([av('av0'), av('av1')], [['av0'], ['av1', 'av0']]));
    expect(p).toEqual({ av1: { id: 'av0', inferred: true } });
  });

  it('never makes a cycle and keeps the first parent seen', () => {
    const m = new Map<string, ParentLink>();
    addParents(m, state([av('av0'), av('av1')], [['av1', 'av0']]));
    addParents(m, state([av('av0'), av('av1')], [['av0', 'av1']]));
    expect(Object.fromEntries(m)).toEqual({ av1: { id: 'av0', inferred: true } });
  });
});

describe('familyOrder', () => {
  const parents: Record<string, ParentLink> = {
    av1: { id: 'av0', inferred: false },
    av2: { id: 'av1', inferred: false },
    av4: { id: 'av0', inferred: false },
    av5: { id: 'av3', inferred: false },
  };

  it('orders families by root, descendants before ancestors', () => {
    const f = familyOrder(['av0', 'av1', 'av2', 'av3', 'av4', 'av5'], parents);
    expect(f.order).toEqual(['av4', 'av2', 'av1', 'av0', 'av5', 'av3']);
    expect(f.depth).toEqual({ av0: 0, av1: 1, av2: 2, av3: 0, av4: 1, av5: 1 });
    expect(f.family).toMatchObject({ av2: 'av0', av4: 'av0', av5: 'av3', av3: 'av3' });
  });

  it('makes a root of an anon_vma whose parent is not in the list', () => {
    const f = familyOrder(['av1', 'av2'], parents);
    expect(f.order).toEqual(['av2', 'av1']);
    expect(f.depth['av1']).toBe(0);
  });

  it('reads an endless chain of siblings (root-only era) head first', () => {
    const flat: Record<string, ParentLink> = {
      av1: { id: 'av0', inferred: false },
      av2: { id: 'av0', inferred: false },
      av3: { id: 'av0', inferred: false },
    };
    expect(familyOrder(['av0', 'av1', 'av2', 'av3'], flat).order).toEqual([
      'av3',
      'av2',
      'av1',
      'av0',
    ]);
  });

  it('is deterministic', () => {
    const ids = ['av0', 'av1', 'av2', 'av3', 'av4', 'av5'];
    expect(familyOrder(ids, parents)).toEqual(familyOrder(ids, parents));
  });
});
