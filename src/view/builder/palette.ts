// The operation palette as data (excalidraw's actions are small objects too): for the target at
// the end of the trace, each action's op to append, or why it cannot be appended yet.
import { pteId } from '../../kernel';
import type { Scenario, SimpleOp, ViewProcess, ViewState } from '../../kernel';
import { nextChild, nextPid, nextRef } from './names';
import type { Target } from './target';

export interface PaletteAction {
  id: string;
  label: string;
  /** what the button does, in words (its title when enabled) */
  hint: string;
  op: SimpleOp | null;
  /** why it is disabled (aria-disabled + title), null when enabled */
  disabled: string | null;
}

const MMAP_PAGES = 4;

/** The first page after the process's last VMA, one page apart so the new VMA does not merge. */
export function nextFreeAddr(p: ViewProcess): number {
  const end = Math.max(0, ...p.vmas.map((v) => v.end));
  return p.vmas.length === 0 ? 0 : end + 1;
}

function action(id: string, label: string, hint: string, op: SimpleOp | null, why: string | null) {
  return { id, label, hint, op: why === null ? op : null, disabled: why };
}

const range = (t: Target) =>
  t.pages === 1 ? `page ${t.addr}` : `pages ${t.addr}–${t.addr + t.pages - 1}`;

export function paletteActions(scenario: Scenario, view: ViewState, t: Target): PaletteAction[] {
  const proc = view.processes.find((p) => p.pid === t.pid);
  const noProc = proc ? null : 'spawn a process first';
  const covered = proc?.vmas.some((v) => v.start <= t.addr && t.addr < v.end) ?? false;
  const noVma =
    noProc ?? (covered ? null : `no VMA of ${t.pid} covers page ${t.addr}: select a VMA or a page`);
  const mapped = view.pages.find(
    (pg) => pg.pid === t.pid && pg.addr === t.addr && pg.anonVma !== null,
  );
  const noPage =
    noVma ??
    (mapped ? null : `no anonymous page at ${t.pid}:${t.addr}: select a page (write one first)`);
  const refs = view.anonVmas.flatMap((av) => av.refs);
  const ref = refs[refs.length - 1];
  const pid = nextPid(scenario);
  const addr = proc ? nextFreeAddr(proc) : 0;
  const child = nextChild(scenario, t.pid);
  const newRef = nextRef(scenario);
  const at = pteId(t.pid, t.addr);
  return [
    action('spawn', 'Spawn', `spawn a new process ${pid}`, { op: 'spawn', pid }, null),
    action(
      'mmap',
      'mmap',
      `map ${MMAP_PAGES} pages at ${addr} in ${t.pid}`,
      { op: 'mmap', pid: t.pid, addr, pages: MMAP_PAGES },
      noProc,
    ),
    action('read', 'Read', `read fault at ${at}`, { op: 'touch', pid: t.pid, addr: t.addr }, noVma),
    action(
      'write',
      'Write',
      `write fault at ${at} (a COW break when shared)`,
      { op: 'touch', pid: t.pid, addr: t.addr, write: true },
      noVma,
    ),
    action(
      'fork',
      'Fork',
      `fork ${t.pid} into ${child}`,
      { op: 'fork', pid: t.pid, child },
      noProc,
    ),
    action(
      'mprotect-r',
      'mprotect r',
      `make ${range(t)} of ${t.pid} read-only`,
      { op: 'mprotect', pid: t.pid, addr: t.addr, pages: t.pages, prot: 'r' },
      noVma,
    ),
    action(
      'mprotect-rw',
      'mprotect rw',
      `make ${range(t)} of ${t.pid} writable`,
      { op: 'mprotect', pid: t.pid, addr: t.addr, pages: t.pages, prot: 'rw' },
      noVma,
    ),
    action(
      'munmap',
      'munmap',
      `unmap ${range(t)} of ${t.pid}`,
      { op: 'munmap', pid: t.pid, addr: t.addr, pages: t.pages },
      noVma,
    ),
    action(
      'expand',
      'Expand',
      `grow the VMA at ${at} by one page`,
      { op: 'expand', pid: t.pid, addr: t.addr, pages: 1 },
      noVma,
    ),
    action('exit', 'Exit', `${t.pid} exits`, { op: 'exit', pid: t.pid }, noProc),
    action(
      'migrate',
      'Migrate',
      `migrate the page at ${at}`,
      { op: 'migrate', pid: t.pid, addr: t.addr },
      noPage,
    ),
    action(
      'reclaim',
      'Reclaim',
      `page_referenced on the page at ${at}: a walk that pins nothing`,
      { op: 'reclaim', pid: t.pid, addr: t.addr },
      noPage,
    ),
    action(
      'ksm-get',
      'KSM get',
      `take reference ${newRef} on the anon_vma of the page at ${at}`,
      { op: 'ksm_get', pid: t.pid, addr: t.addr, ref: newRef },
      noPage,
    ),
    action(
      'ksm-put',
      'KSM put',
      ref === undefined ? 'drop a KSM reference' : `drop reference ${ref}`,
      ref === undefined ? null : { op: 'ksm_put', ref },
      ref === undefined ? 'no KSM reference is held: KSM get first' : null,
    ),
    action(
      'take-all-locks',
      'take_all_locks',
      `mm_take_all_locks of ${t.pid}`,
      { op: 'take_all_locks', pid: t.pid },
      noProc,
    ),
  ];
}
