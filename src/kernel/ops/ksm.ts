// ksm_get / ksm_put: KSM's rmap_item (or an in-flight migration) holding a reference on the
// anon_vma of a page (hold_anon_vma / get_anon_vma) and dropping it later
// (ksm_drop_anon_vma → drop_anon_vma, put_anon_vma from 3.0) — maybe after the process died.
import { OpError, step, type Gen, type K } from '../exec';
import { avId, pteId, type Mm } from '../state';
import { dropRef, getAnonVma } from './putAnonVma';

export function* ksmGet(k: K, mm: Mm, addr: number, ref: string): Gen {
  if (k.s.refs.has(ref)) throw new OpError(`reference "${ref}" is already held`, 'ref');
  const pte = mm.ptes.get(addr);
  if (!pte || pte.page === k.s.zeroPage || !pte.page.mapping) {
    throw new OpError(`no anonymous page is mapped at ${pteId(mm, addr)}`, 'addr');
  }
  const av = pte.page.mapping;
  yield step(
    'try_to_merge_with_ksm_page',
    'anon-vma',
    `rmap_item->anon_vma = ${avId(av)} (page at ${pteId(mm, addr)})`,
  );
  yield* getAnonVma(k, av, 'hold_anon_vma', `KSM reference "${ref}"`);
  k.s.refs.set(ref, { name: ref, av, order: k.s.nextOrder++ });
}

export function* ksmPut(k: K, ref: string): Gen {
  const r = k.s.refs.get(ref);
  if (!r) throw new OpError(`no reference named "${ref}" is held`, 'ref');
  yield step('ksm_drop_anon_vma', 'drop', `drop KSM reference "${ref}" on ${avId(r.av)}`);
  // A reference has one holder: two CPUs dropping the same one is a bad scenario, not a race.
  if (k.s.refs.get(ref) !== r) {
    throw new OpError(`reference "${ref}" was already dropped by another CPU`, 'ref');
  }
  k.s.refs.delete(ref);
  yield* dropRef(k, r.av);
}
