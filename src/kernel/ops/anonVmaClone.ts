// anon_vma_clone + anon_vma_chain_link (mm/rmap.c): give `dst` one AVC for every anon_vma on
// `src`'s chain, walking src oldest-first and adding each at dst's head so the order is kept.
// 3.0+ holds one root lock across the walk; 3.19+ may pick an ancestor for reuse.
import { step, type Gen, type K } from '../exec';
import { acquire, lockOf, release } from '../locks';
import { allocAvc, chainAddHead, listInsert } from '../objects';
import { avId, vmaId, type AnonVma, type Avc, type Vma } from '../state';

/** anon_vma_chain_link before 3.0: takes the (root) lock itself for the list insertion. */
export function* chainLinkLocked(k: K, c: Avc): Gen {
  const fn = 'anon_vma_chain_link';
  yield step(fn, 'same-vma', `list_add(${avId(c.av)} → head of ${vmaId(c.vma)}'s chain)`);
  chainAddHead(k, c);
  const target = lockOf(k, c.av);
  yield* acquire(k, target, 'w', fn, 'lock');
  yield step(fn, 'same-anon-vma', `list_add_tail(${vmaId(c.vma)} → ${avId(c.av)}'s list)`);
  listInsert(k, c, 'tail');
  yield* release(k, target, fn, 'unlock');
}

/** 3.19 (degree) and 6.1 (num_children) reuse tests, checked after linking each entry. */
function canReuse(k: K, dst: Vma, src: Vma, av: AnonVma): boolean {
  if (dst.anonVma) return false;
  if (k.f.reuse === 'degree') return av !== src.anonVma && av.degree < 2;
  if (k.f.reuse === 'num_children')
    return !!src.anonVma && av.numChildren < 2 && av.numActiveVmas === 0;
  return false;
}

export function* anonVmaClone(k: K, dst: Vma, src: Vma): Gen {
  const fn = 'anon_vma_clone';
  const entries = [...src.chain].reverse();
  if (!k.f.batchLock) {
    for (const p of entries) {
      yield step(fn, 'alloc', `anon_vma_chain_alloc() for ${avId(p.av)}`);
      yield* chainLinkLocked(k, allocAvc(dst, p.av));
    }
    return;
  }
  let held: AnonVma | null = null;
  for (const p of entries) {
    yield step(fn, 'alloc', `anon_vma_chain_alloc(GFP_NOWAIT) for ${avId(p.av)}`);
    const target = lockOf(k, p.av);
    if (target !== held) {
      if (held) yield* release(k, held, 'lock_anon_vma_root', 'switch');
      held = target;
      yield* acquire(k, target, 'w', 'lock_anon_vma_root', 'lock');
    }
    if (k.f.chainAssign) {
      yield step(
        fn,
        'link',
        `anon_vma_chain_assign(${vmaId(dst)}, ${avId(p.av)}); insert it in ${avId(p.av)}'s interval tree`,
      );
    } else yield step('anon_vma_chain_link', 'link', `link ${vmaId(dst)} ↔ ${avId(p.av)}`);
    const c = allocAvc(dst, p.av);
    chainAddHead(k, c);
    listInsert(k, c, 'tail');
    if (canReuse(k, dst, src, p.av)) {
      dst.anonVma = p.av;
      k.touch(vmaId(dst));
      k.note(`reuse ${avId(p.av)} as ${vmaId(dst)}->anon_vma`);
    }
  }
  if (dst.anonVma && k.f.reuse !== 'none') {
    yield step(fn, 'count', `count ${vmaId(dst)} on ${avId(dst.anonVma)}`);
    if (k.f.reuse === 'degree') dst.anonVma.degree++;
    else dst.anonVma.numActiveVmas++;
    k.touch(avId(dst.anonVma));
  }
  if (held) yield* release(k, held, 'unlock_anon_vma_root', 'unlock');
}
