// Allocation, freeing and list surgery on anon_vmas and anon_vma_chains, with the checks that
// pin a violation to the micro-step doing it: use-after-free, double-free, list-corrupt,
// unlocked-write and root-not-last.
import type { K } from './exec';
import { anonVmaId } from './ids';
import { holdsForWrite, lockOf } from './locks';
import { avId, avcId, newLock, vmaId, type AnonVma, type Avc, type Vma } from './state';

/**
 * anon_vma_alloc. The anon_vma cache is SLAB_DESTROY_BY_RCU: a freed anon_vma may be handed out
 * again at once, while a reader under rcu_read_lock still points at it. The model allocates fresh
 * memory, except that such a freed anon_vma still in a reader's hands is reused first — the worst
 * case the RCU contract allows, and the one §8.6 needs. Its lock is not re-initialised (the
 * cache's constructor runs once per object), so a reader's spin on it stays meaningful.
 */
export function allocAnonVma(k: K): AnonVma {
  const s = k.s;
  for (let i = s.rcuReaders > 0 ? s.anonVmas.length - 1 : -1; i >= 0; i--) {
    const a = s.anonVmas[i]!;
    if (a.freed && a.rcuReaders > 0) {
      a.reused++;
      k.note(`${avId(a)}'s memory is handed out again while a CPU still reads it under RCU`);
      return initAnonVma(k, a);
    }
  }
  const av = {
    n: s.anonVmas.length,
    id: anonVmaId(s.anonVmas.length),
    refcount: 0,
    degree: 0,
    numChildren: 0,
    numActiveVmas: 0,
    list: [],
    lock: newLock(),
    marked: false,
    freed: false,
    rcuReaders: 0,
    reused: 0,
  } as unknown as AnonVma;
  s.anonVmas.push(av);
  return initAnonVma(k, av);
}

/** A new anon_vma's fields (not its lock: the cache's constructor set that once). */
function initAnonVma(k: K, av: AnonVma): AnonVma {
  av.refcount = k.f.refcount === 'refcount' ? 1 : 0;
  av.degree = k.f.reuse === 'degree' ? 1 : 0;
  av.numChildren = 0;
  av.numActiveVmas = 0;
  av.list = [];
  av.marked = false;
  av.freed = false;
  av.root = av;
  av.parent = av;
  k.touch(avId(av));
  return av;
}

export function allocAvc(vma: Vma, av: AnonVma): Avc {
  return { vma, av, seq: -1, onList: false, onChain: false, freed: false };
}

export function liveAv(k: K, av: AnonVma, what: string): boolean {
  if (!av.freed) return true;
  k.violation('use-after-free', `${what} ${avId(av)}, which was freed`, [avId(av)]);
  return false;
}

export function freeAnonVma(k: K, av: AnonVma): void {
  if (av.freed) {
    k.violation('double-free', `${avId(av)} freed a second time`, [avId(av)]);
    return;
  }
  if (av.lock.holders.length > 0) {
    k.note(`(its lock is still held by cpu${av.lock.holders.join(' cpu')})`);
  }
  av.freed = true;
  k.touch(avId(av));
}

export function freeAvc(k: K, c: Avc): void {
  if (c.freed) {
    k.violation('double-free', `anon_vma_chain ${avcId(c)} freed a second time`, [avcId(c)]);
    return;
  }
  c.freed = true;
  k.touch(avcId(c));
}

function needLock(k: K, av: AnonVma, what: string, c: Avc): void {
  if (!holdsForWrite(k, av)) {
    const l = avId(lockOf(k, av));
    k.violation(
      'unlocked-write',
      `${what} ${avId(av)}'s list without holding ${l}'s lock (cpu${k.cpu})`,
      [avId(av), avcId(c)],
    );
  }
}

/** Treeless eras insert at head or tail; the interval tree keys by vm_pgoff (ties go right). */
export function listInsert(k: K, c: Avc, where: 'head' | 'tail'): void {
  const av = c.av;
  liveAv(k, av, 'linked into');
  needLock(k, av, 'linked into', c);
  if (c.onList || av.list.includes(c)) {
    k.violation('list-corrupt', `${avcId(c)} added twice to ${avId(av)}'s list`, [avcId(c)]);
    return;
  }
  c.seq = k.s.nextSeq++;
  if (k.f.tree === 'interval') {
    const key = c.vma.pgoff;
    let i = av.list.length;
    while (i > 0 && av.list[i - 1]!.vma.pgoff > key) i--;
    av.list.splice(i, 0, c);
  } else if (where === 'head') av.list.unshift(c);
  else av.list.push(c);
  c.onList = true;
  k.touch(avcId(c));
  k.touch(avId(av));
}

export function listRemove(k: K, c: Avc): void {
  const av = c.av;
  liveAv(k, av, 'unlinked from');
  needLock(k, av, 'unlinked from', c);
  const i = av.list.indexOf(c);
  if (i < 0 || !c.onList) {
    k.violation('list-corrupt', `${avcId(c)} is not on ${avId(av)}'s list`, [avcId(c)]);
    return;
  }
  av.list.splice(i, 1);
  c.onList = false;
  k.touch(avcId(c));
  k.touch(avId(av));
}

/** same_vma: new entries go to the head (list_add); the root must stay last. */
export function chainAddHead(k: K, c: Avc): void {
  const v = c.vma;
  if (v.chain.some((x) => x.av === c.av)) {
    k.violation('list-corrupt', `${vmaId(v)} would hold two chains to ${avId(c.av)}`, [
      vmaId(v),
      avId(c.av),
    ]);
  }
  v.chain.unshift(c);
  c.onChain = true;
  k.touch(avcId(c));
  k.touch(vmaId(v));
  // the rest of the chain and its tail are as they were: only the new head needs checking
  // (checking the whole chain made a fork at depth n cost n², a 1,000-deep chain cubic)
  if (k.f.trackRoot && v.chain.length > 1) {
    const tail = v.chain[v.chain.length - 1]!.av;
    if (c.av.root !== tail) checkRootLast(k, v);
  } else checkRootLast(k, v);
}

export function chainRemove(k: K, c: Avc): void {
  const v = c.vma;
  const i = v.chain.indexOf(c);
  if (i < 0) {
    k.violation('list-corrupt', `${avcId(c)} is not on ${vmaId(v)}'s chain`, [avcId(c)]);
    return;
  }
  v.chain.splice(i, 1);
  c.onChain = false;
  k.touch(avcId(c));
  k.touch(vmaId(v));
}

export function checkRootLast(k: K, v: Vma): void {
  if (!k.f.trackRoot || v.chain.length === 0) return;
  const tail = v.chain[v.chain.length - 1]!.av;
  for (const c of v.chain) {
    if (c.av.root !== tail) {
      k.violation(
        'root-not-last',
        `${vmaId(v)}'s chain ends at ${avId(tail)}, but ${avId(c.av)}'s root is ${avId(c.av.root)}`,
        [vmaId(v), avId(tail), avId(c.av)],
      );
      return;
    }
  }
}

/** Interval-tree eras: the AVCs of a VMA leave their trees before its range changes… */
export function treePreUpdate(k: K, v: Vma): void {
  for (const c of v.chain) if (c.onList) listRemove(k, c);
}

/** …and are re-inserted after, each counting as a new insertion. */
export function treePostUpdate(k: K, v: Vma): void {
  for (const c of v.chain) if (!c.onList) listInsert(k, c, 'tail');
}
