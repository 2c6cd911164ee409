// The state at a cursor, as plain data with trace ids (Contract 4) for the page to draw.
import { mmapLockId, vmaLockId } from './ids';
import { avId, liveMms, pteId, vmaId, type Lock, type State } from './state';
import type { ViewState } from './view';

/** The lock fields of a process or VMA: only those that say something (a free lock has none). */
function lockFields(
  l: Lock,
  waiting: number[] | undefined,
): { lockedBy?: number[]; lockMode?: 'w' | 'r'; waiting?: number[] } {
  const out: { lockedBy?: number[]; lockMode?: 'w' | 'r'; waiting?: number[] } = {};
  if (l.holders.length > 0) {
    out.lockedBy = [...l.holders];
    out.lockMode = l.mode ?? 'w';
  }
  if (waiting && waiting.length > 0) out.waiting = waiting;
  return out;
}

export function viewOf(
  s: State,
  cpus: { cpu: number; waitingFor: string | null; done: boolean }[],
): ViewState {
  const waiting = new Map<string, number[]>();
  for (const c of cpus) {
    if (c.waitingFor) waiting.set(c.waitingFor, [...(waiting.get(c.waitingFor) ?? []), c.cpu]);
  }
  const refNames = new Map<string, string[]>();
  for (const r of s.refs.values())
    refNames.set(avId(r.av), [...(refNames.get(avId(r.av)) ?? []), r.name]);
  const f = s.flags;
  return {
    era: s.era,
    flags: s.flags,
    processes: liveMms(s).map((mm) => ({
      pid: mm.pid,
      parent: mm.parent,
      ...lockFields(mm.mmapSem, waiting.get(mmapLockId(mm.pid, f.mmapLock))),
      vmas: mm.vmas.map((v) => ({
        id: vmaId(v),
        pid: mm.pid,
        start: v.start,
        end: v.end,
        pgoff: v.pgoff,
        prot: v.prot,
        growsdown: v.growsdown,
        anonVma: v.anonVma ? avId(v.anonVma) : null,
        chain: v.chain.map((c) => avId(c.av)),
        ...lockFields(v.vmLock, waiting.get(vmaLockId(vmaId(v)))),
      })),
    })),
    anonVmas: s.anonVmas
      .filter((a) => !a.freed)
      .map((a) => {
        const o: ViewState['anonVmas'][number] = {
          id: avId(a),
          refcount: a.refcount,
          tree: a.list.map((c) => vmaId(c.vma)),
          lockedBy: [...a.lock.holders],
          lockMode: a.lock.mode,
          waiting: waiting.get(avId(a)) ?? [],
          refs: refNames.get(avId(a)) ?? [],
        };
        if (f.trackRoot) o.root = avId(a.root);
        if (f.reuse !== 'none') o.parent = avId(a.parent);
        if (f.reuse === 'degree') o.degree = a.degree;
        if (f.reuse === 'num_children') {
          o.num_children = a.numChildren;
          o.num_active_vmas = a.numActiveVmas;
        }
        if (a.reused > 0) o.reused = a.reused;
        if (a.rcuReaders > 0) o.rcuReaders = a.rcuReaders;
        return o;
      }),
    pages: liveMms(s).flatMap((mm) =>
      [...mm.ptes.entries()]
        .filter(([, p]) => p.page !== s.zeroPage)
        .sort((a, b) => a[0] - b[0])
        .map(([addr, p]) => ({
          id: pteId(mm, addr),
          pid: mm.pid,
          addr,
          page: p.page.pfn,
          anonVma: p.page.mapping ? avId(p.page.mapping) : null,
          migration: p.migration,
        })),
    ),
    cpus: cpus.map((c) => ({ cpu: c.cpu, waitingFor: c.waitingFor, done: c.done })),
  };
}
