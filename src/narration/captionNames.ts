// The objects a caption names, by the conventions captions are written in (the page's own ids,
// Contract 4): an anon_vma by its trace id (`av0`), a VMA as `pid:start` (`P:0`, `C:3`), a process
// by its pid (`P`, `C2`, `G`). A pid is only read as one when the scenario has a process of that
// name, and only as a whole word, so "C's" names C, but "CPU1" and "2.6.33" name nothing.

export interface CaptionNames {
  anonVmas: string[];
  vmas: string[];
  processes: string[];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The objects `text` names, given the scenario's pids; each list sorted and distinct. */
export function captionNames(text: string, pids: readonly string[]): CaptionNames {
  const anonVmas = new Set<string>();
  const vmas = new Set<string>();
  const processes = new Set<string>();
  for (const m of text.matchAll(/(?<![\w.:])av\d+\b/g)) anonVmas.add(m[0]);
  if (pids.length > 0) {
    // longest first, so `C2` is not read as `C`; a pid is a whole word (not inside `CPU1`)
    const names = [...pids].sort((a, b) => b.length - a.length).map(escape);
    const word = `(?<![\\w.])(${names.join('|')})(?![\\w])`;
    for (const m of text.matchAll(new RegExp(`${word}:(\\d+)\\b`, 'g')))
      vmas.add(`${m[1]}:${m[2]}`);
    // a pid not followed by `:N` (that is a VMA's name), nor by a dot or digit of a version
    for (const m of text.matchAll(new RegExp(`${word}(?![:.]\\d)`, 'g'))) processes.add(m[1]!);
  }
  const sorted = (s: Set<string>) => [...s].sort();
  return { anonVmas: sorted(anonVmas), vmas: sorted(vmas), processes: sorted(processes) };
}

/** The pids a scenario's ops create (spawn, fork), in any thread of a parallel block. */
export function scenarioPids(
  ops: readonly { op: string; pid?: string; child?: string; threads?: unknown }[],
): string[] {
  const out = new Set<string>();
  const visit = (op: { op: string; pid?: string; child?: string; threads?: unknown }) => {
    if (op.op === 'spawn' && op.pid) out.add(op.pid);
    if (op.op === 'fork' && op.child) out.add(op.child);
    if (op.op === 'parallel' && Array.isArray(op.threads))
      for (const t of op.threads as (typeof op)[][]) t.forEach(visit);
  };
  ops.forEach(visit);
  return [...out];
}
