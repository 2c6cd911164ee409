// What a CPU is doing at the cursor, in plain words, from the view state alone (Contract 4 ids).
import { lockOwnerName } from '../../kernel';
import type { ViewCpu, ViewHeldLock, ViewState } from '../../kernel';

export interface LockLine {
  owner: string;
  mode: 'w' | 'r';
  /** `W` or `R` */
  badge: string;
  /** `av0's lock`, `P's mmap_sem`, `P:4's per-VMA lock`, `the lock of page 7` */
  words: string;
  /** `for writing` / `for reading` */
  modeWords: string;
}

export interface CpuWords {
  cpu: number;
  /** `idle`, `running`, `walking`, `waiting`, `finished` */
  state: 'idle' | 'running' | 'walking' | 'waiting' | 'finished';
  /** one line: what it is doing */
  doing: string;
  holds: LockLine[];
  waitsFor: LockLine | null;
}

const line = (h: ViewHeldLock): LockLine => ({
  owner: h.owner,
  mode: h.mode,
  badge: h.mode === 'r' ? 'R' : 'W',
  words: lockOwnerName(h.owner),
  modeWords: h.mode === 'r' ? 'for reading' : 'for writing',
});

function doing(c: ViewCpu | undefined): Pick<CpuWords, 'state' | 'doing'> {
  if (!c) return { state: 'idle', doing: 'not running' };
  if (c.waitingFor) return { state: 'waiting', doing: `waits for ${lockOwnerName(c.waitingFor)}` };
  if (c.visiting) {
    const av = c.visiting.avc.slice(c.visiting.avc.lastIndexOf('/') + 1);
    return { state: 'walking', doing: `rmap walk of ${av}'s list: at VMA ${c.visiting.vma}` };
  }
  if (c.done) return { state: 'finished', doing: 'finished its ops' };
  return { state: 'running', doing: 'running' };
}

/** Each CPU 0..count-1 (and any other in the view), what it does, holds and waits for. */
export function cpuWords(view: ViewState, count: number): CpuWords[] {
  const ids = new Set<number>(Array.from({ length: Math.max(1, count) }, (_, i) => i));
  for (const c of view.cpus) ids.add(c.cpu);
  return [...ids]
    .sort((a, b) => a - b)
    .map((cpu) => {
      const c = view.cpus.find((x) => x.cpu === cpu);
      const waitsFor =
        c?.waitingFor != null ? line({ owner: c.waitingFor, mode: c.waitingMode ?? 'w' }) : null;
      return { cpu, ...doing(c), holds: (c?.holds ?? []).map(line), waitsFor };
    });
}
