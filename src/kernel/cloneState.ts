// A deep copy of a model state with its object graph (anon_vmas ↔ AVCs ↔ VMAs ↔ mms, pages
// shared by several PTEs) rebuilt, so explore can start each interleaving from the state at
// the beginning of a parallel block instead of replaying the ops before it.
import type { AnonVma, Avc, Lock, Mm, Page, State, Vma } from './state';

const lockCopy = (l: Lock): Lock => ({ holders: [...l.holders], mode: l.mode });

export function cloneState(s: State): State {
  const avs = new Map<AnonVma, AnonVma>();
  const vmas = new Map<Vma, Vma>();
  const avcs = new Map<Avc, Avc>();
  const pages = new Map<Page, Page>();
  const mms = new Map<Mm, Mm>();
  const page = (p: Page): Page => {
    let c = pages.get(p);
    if (!c) {
      c = { ...p, lock: lockCopy(p.lock), mapping: null };
      pages.set(p, c);
      c.mapping = p.mapping ? av(p.mapping) : null;
    }
    return c;
  };
  const av = (a: AnonVma): AnonVma => {
    let c = avs.get(a);
    if (!c) {
      c = { ...a, lock: lockCopy(a.lock), list: [] };
      avs.set(a, c);
    }
    return c;
  };
  const mm = (m: Mm): Mm => {
    let c = mms.get(m);
    if (!c) {
      c = { ...m, vmas: [], ptes: new Map(), mmapSem: lockCopy(m.mmapSem), writeLocked: [] };
      mms.set(m, c);
    }
    return c;
  };
  const vma = (v: Vma): Vma => {
    let c = vmas.get(v);
    if (!c) {
      c = { ...v, mm: mm(v.mm), anonVma: null, chain: [], vmLock: lockCopy(v.vmLock) };
      delete c.idCache;
      vmas.set(v, c);
    }
    return c;
  };
  const avc = (x: Avc): Avc => {
    let c = avcs.get(x);
    if (!c) {
      c = { ...x, vma: vma(x.vma), av: av(x.av) };
      avcs.set(x, c);
    }
    return c;
  };
  for (const a of s.anonVmas) av(a);
  for (const [a, c] of avs) {
    c.root = av(a.root);
    c.parent = av(a.parent);
    c.list = a.list.map(avc);
  }
  for (const m of s.mms.values()) {
    const c = mm(m);
    c.vmas = m.vmas.map(vma);
    c.writeLocked = m.writeLocked.map((w) => ({ vma: vma(w.vma), owner: w.owner }));
    for (const [addr, p] of m.ptes)
      c.ptes.set(addr, { page: page(p.page), migration: p.migration });
  }
  for (const [v, c] of vmas) {
    c.anonVma = v.anonVma ? av(v.anonVma) : null;
    c.chain = v.chain.map(avc);
  }
  return {
    ...s,
    mms: new Map([...s.mms].map(([pid, m]) => [pid, mm(m)])),
    anonVmas: s.anonVmas.map(av),
    refs: new Map([...s.refs].map(([n, r]) => [n, { ...r, av: av(r.av) }])),
    zeroPage: page(s.zeroPage),
  };
}
