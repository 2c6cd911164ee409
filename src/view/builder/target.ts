// What the palette acts on: a process, an address and a number of pages, filled in from the
// selected object (or, with nothing selected, from the newest live process) in the state at the
// end of the trace, where new ops are appended.
import { parseAddressId, parseAvcId } from '../../kernel';
import type { ViewProcess, ViewState, ViewVma } from '../../kernel';
import type { Selection } from '../../store/selectionSlice';

export interface Target {
  /** '' when no process is alive */
  pid: string;
  addr: number;
  pages: number;
}

function vmaTarget(vma: ViewVma): Target {
  return { pid: vma.pid, addr: vma.start, pages: vma.end - vma.start };
}

function processTarget(p: ViewProcess): Target {
  const first = p.vmas[0];
  return first ? vmaTarget(first) : { pid: p.pid, addr: 0, pages: 1 };
}

function findVma(view: ViewState, id: string): ViewVma | undefined {
  const at = parseAddressId(id);
  const p = at && view.processes.find((x) => x.pid === at.pid);
  return p?.vmas.find((v) => v.start === at?.n);
}

/** The selection as a target, when it names something alive at the end of the trace. */
function selectedTarget(view: ViewState, sel: Selection): Target | null {
  switch (sel.kind) {
    case 'process': {
      const p = view.processes.find((x) => x.pid === sel.id);
      return p ? processTarget(p) : null;
    }
    case 'vma':
    case 'avc': {
      const vma = findVma(view, sel.kind === 'avc' ? (parseAvcId(sel.id)?.vma ?? '') : sel.id);
      return vma ? vmaTarget(vma) : null;
    }
    case 'page': {
      const at = parseAddressId(sel.id);
      const alive = at && view.processes.some((p) => p.pid === at.pid);
      return at && alive ? { pid: at.pid, addr: at.n, pages: 1 } : null;
    }
    case 'anon_vma': {
      const av = view.anonVmas.find((a) => a.id === sel.id);
      const vma = av?.tree.map((id) => findVma(view, id)).find((v) => v !== undefined);
      return vma ? vmaTarget(vma) : null;
    }
  }
}

/** The target for `sel` in `view` (the state at the end of the trace). */
export function targetFor(view: ViewState, sel: Selection | null): Target {
  const fromSel = sel ? selectedTarget(view, sel) : null;
  if (fromSel) return fromSel;
  const newest = view.processes[view.processes.length - 1];
  return newest ? processTarget(newest) : { pid: '', addr: 0, pages: 1 };
}

/** Why the selection is not used, when it is not (it was freed or unmapped before the end). */
export function staleSelection(view: ViewState, sel: Selection | null): string | null {
  if (!sel || selectedTarget(view, sel)) return null;
  return `${sel.kind} ${sel.id} no longer exists at the end of the trace`;
}
