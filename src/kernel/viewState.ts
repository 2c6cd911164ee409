// The state at a cursor, as plain data with trace ids (Contract 4) for the page to draw.
import { mmapLockId, pageLockId, vmaLockId } from './ids';
import type { CpuRun } from './exec';
import { avcId, avId, liveMms, pteId, vmaId, type Lock, type State } from './state';
import type { ViewCpu, ViewHeldLock, ViewState } from './view';

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

/**
 * What each CPU holds, read from the locks themselves: mmap locks, per-VMA locks, then its page
 * locks (the runner's record: a locked page may be mapped nowhere), then anon_vma locks. A CPU
 * outside the running op that still holds a lock is listed too.
 */
function cpusOf(s: State, cpus: readonly CpuRun[]): ViewCpu[] {
  const holds = new Map<number, ViewHeldLock[]>();
  const add = (l: Lock, owner: string) => {
    for (const c of l.holders)
      holds.set(c, [...(holds.get(c) ?? []), { owner, mode: l.mode ?? 'w' }]);
  };
  const f = s.flags;
  const mms = [...s.mms.values()].sort((a, b) => a.order - b.order);
  for (const mm of mms) add(mm.mmapSem, mmapLockId(mm.pid, f.mmapLock));
  for (const mm of mms) {
    for (const v of mm.vmas) add(v.vmLock, vmaLockId(vmaId(v)));
    // a VMA removed while write-locked stays locked, under its old name, until vma_end_write_all
    const inTree = new Set(mm.vmas);
    for (const w of mm.writeLocked)
      if (w.vma.freed || !inTree.has(w.vma)) add(w.vma.vmLock, w.owner);
  }
  const pages = new Map<number, ViewHeldLock[]>();
  for (const c of cpus) {
    pages.set(
      c.cpu,
      c.pageLocks.map((owner) => ({ owner, mode: 'w' as const })),
    );
  }
  const avs = new Map<number, ViewHeldLock[]>();
  for (const a of s.anonVmas) {
    for (const c of a.lock.holders)
      avs.set(c, [...(avs.get(c) ?? []), { owner: avId(a), mode: a.lock.mode ?? 'w' }]);
  }
  const out: ViewCpu[] = cpus.map((c) => {
    const o: ViewCpu = {
      cpu: c.cpu,
      waitingFor: c.waitingFor,
      done: c.done,
      holds: [...(holds.get(c.cpu) ?? []), ...(pages.get(c.cpu) ?? []), ...(avs.get(c.cpu) ?? [])],
    };
    if (c.waitingMode && c.waitingFor) o.waitingMode = c.waitingMode;
    const at = c.visiting;
    if (at && !at.vma.freed) o.visiting = { vma: vmaId(at.vma), avc: avcId(at) };
    return o;
  });
  const listed = new Set(cpus.map((c) => c.cpu));
  const strays = [...new Set([...holds.keys(), ...avs.keys()])].filter((c) => !listed.has(c));
  for (const c of strays.sort((a, b) => a - b)) {
    out.push({
      cpu: c,
      waitingFor: null,
      done: true,
      holds: [...(holds.get(c) ?? []), ...(avs.get(c) ?? [])],
    });
  }
  return out;
}

const visitedBy = (cpus: number[] | undefined) => (cpus ? { visitedBy: cpus } : {});

export function viewOf(s: State, running: readonly CpuRun[]): ViewState {
  const cpus = cpusOf(s, running);
  const waiting = new Map<string, number[]>();
  const visitors = new Map<string, number[]>();
  for (const c of cpus) {
    if (c.waitingFor) waiting.set(c.waitingFor, [...(waiting.get(c.waitingFor) ?? []), c.cpu]);
    if (c.visiting) visitors.set(c.visiting.vma, [...(visitors.get(c.visiting.vma) ?? []), c.cpu]);
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
        ...visitedBy(visitors.get(vmaId(v))),
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
          ...lockFields(p.page.lock, waiting.get(pageLockId(p.page.pfn))),
        })),
    ),
    cpus,
  };
}
