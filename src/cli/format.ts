// Human-readable text for the command line: a forest snapshot, the violations, a header.
// Only strings are built here; the entry files write them.
import { ERA_TITLES, type EraId, type Flags } from '../kernel/flags';
import { vmaId } from '../kernel/ids';
import type { Forest, ForestAnonVma, ForestPage, ForestVma } from '../kernel/snapshot';
import type { Violation } from '../kernel/trace';
import { flagDiff } from './args';

const WIDTH = 100;

/** Title, era and the flags that differ from the era's preset. */
export function header(title: string, era: EraId, flags: Flags): string[] {
  const diff = flagDiff(era, flags);
  // a title is free text: no control character reaches the terminal
  return [
    title.replace(/\p{Cc}+/gu, ' '),
    `era ${era} (${ERA_TITLES[era]})`,
    diff.length > 0 ? `flags: ${diff.join(' ')}` : 'flags: as the era',
  ];
}

/** Words joined by spaces, wrapped to WIDTH columns under `indent`. */
function wrap(indent: string, words: string[]): string[] {
  const lines: string[] = [];
  let cur = indent;
  for (const w of words) {
    if (cur.length > indent.length && cur.length + 1 + w.length > WIDTH) {
      lines.push(cur);
      cur = indent;
    }
    cur += cur.length > indent.length ? ` ${w}` : w;
  }
  if (cur.length > indent.length) lines.push(cur);
  return lines;
}

function chainText(v: ForestVma, avs: Map<string, ForestAnonVma>): string {
  if (v.chain.length === 0) return '(empty)';
  const last = v.chain.length - 1;
  return v.chain
    .map((id, i) => {
      const av = avs.get(id);
      // without anon_vma->root (before 2.6.36) the family's root is the chain's oldest entry
      const isRoot = av?.root !== undefined ? av.root === id : i === last;
      return isRoot ? `${id}(root)` : id;
    })
    .join(' → ');
}

function processLines(f: Forest, avs: Map<string, ForestAnonVma>): string[] {
  const out = ['processes:'];
  if (f.processes.length === 0) out.push('  (none)');
  for (const p of f.processes) {
    out.push(`  ${p.pid}`);
    if (p.vmas.length === 0) out.push('    (no VMAs)');
    for (const v of p.vmas) {
      const range = `[${v.start},${v.end})`.padEnd(10);
      out.push(`    ${range} anon_vma=${v.anon_vma ?? '-'}  chain: ${chainText(v, avs)}`);
    }
  }
  return out;
}

function avFieldsText(av: ForestAnonVma): string {
  const parts = [];
  if (av.root !== undefined) parts.push(`root=${av.root}`);
  if (av.parent !== undefined) parts.push(`parent=${av.parent}`);
  parts.push(`refcount=${av.refcount}`);
  if (av.degree !== undefined) parts.push(`degree=${av.degree}`);
  if (av.num_children !== undefined) parts.push(`num_children=${av.num_children}`);
  if (av.num_active_vmas !== undefined) parts.push(`num_active_vmas=${av.num_active_vmas}`);
  return parts.join(' ');
}

function anonVmaLines(f: Forest): string[] {
  const out = ['anon_vmas:'];
  if (f.anon_vmas.length === 0) out.push('  (none)');
  for (const av of f.anon_vmas) {
    out.push(`  ${av.id}  ${avFieldsText(av)}`);
    const tree = av.tree.map((t) => vmaId(t.pid, t.start));
    out.push(...wrap('    tree: ', tree.length > 0 ? tree : ['(empty)']));
  }
  return out;
}

function pageText(p: ForestPage): string {
  return `${p.addr}→${p.anon_vma ?? '-'}${p.migration ? ' M' : ''}`;
}

function pageLines(f: Forest): string[] {
  const out = ['pages:'];
  if (f.pages.length === 0) out.push('  (none)');
  const byPid = new Map<string, ForestPage[]>();
  for (const p of f.pages) byPid.set(p.pid, [...(byPid.get(p.pid) ?? []), p]);
  for (const [pid, pages] of byPid) {
    // wrap() never splits a word, so a migration mark stays with its page
    out.push(...wrap(`  ${pid}: `, pages.map(pageText)));
  }
  if (f.pages.some((p) => p.migration)) out.push('  (M: a migration entry in the page table)');
  return out;
}

/** The forest as text: processes and their VMAs, the anon_vmas, the pages. */
export function formatForest(f: Forest): string[] {
  const avs = new Map(f.anon_vmas.map((a) => [a.id, a]));
  return [...processLines(f, avs), '', ...anonVmaLines(f), '', ...pageLines(f)];
}

export function formatViolations(vs: readonly Violation[]): string[] {
  if (vs.length === 0) return ['no violations'];
  const stepW = Math.max(...vs.map((v) => String(v.step).length));
  const kindW = Math.max(...vs.map((v) => v.kind.length));
  return [
    `violations (${vs.length}):`,
    ...vs.map(
      (v) => `  step ${String(v.step).padStart(stepW)}  ${v.kind.padEnd(kindW)}  ${v.message}`,
    ),
  ];
}

/** `counts` from the model (e.g. lock-dance restarts), or nothing when empty. */
export function formatCounts(counts: Record<string, number>): string[] {
  const entries = Object.entries(counts).sort(([a], [b]) => a.localeCompare(b));
  return entries.length > 0 ? [`counts: ${entries.map(([k, v]) => `${k}=${v}`).join(' ')}`] : [];
}

export interface ReplaySummary {
  title: string;
  era: EraId;
  flags: Flags;
  steps: number;
  stopped: string | null;
  counts: Record<string, number>;
  violations: readonly Violation[];
  forest: Forest;
}

/** The whole human-readable replay report, ending in a newline. */
export function formatReplay(r: ReplaySummary): string {
  const lines = [
    ...header(r.title, r.era, r.flags),
    `${r.steps} micro-step${r.steps === 1 ? '' : 's'}`,
    ...(r.stopped ? [`stopped: ${r.stopped} (the forest below is the state at that point)`] : []),
    ...formatCounts(r.counts),
    '',
    ...formatForest(r.forest),
    '',
    ...formatViolations(r.violations),
  ];
  return `${lines.join('\n')}\n`;
}
