// What the graph's camera frames at a step when the forest does not fit the pane at the text
// floor: the step's subject, as selectors of the page's objects (Contract 4), most important
// first. The pane measures them and frames as many whole as fit (zoom/framing.ts).
import type { ViewState } from '../../kernel';
import type { CaptionNames } from '../../narration/captionNames';

export interface SubjectInput {
  view: ViewState;
  /** ids the step touched (what the graph marks `data-changed`) */
  touched: ReadonlySet<string>;
  /** what the caption in force names (captionNames), or null without a caption */
  named: CaptionNames | null;
  /** ids an earlier step touched: where a view opens when this step changed nothing drawn */
  earlier?: readonly string[];
}

const attr = (name: string, value: string) => `[${name}=${JSON.stringify(value)}]`;
const ofKind = (kind: string, id: string) => `${attr('data-kind', kind)}${attr('data-id', id)}`;

/** The VMA of `pid` a caption's `pid:N` names: the one starting at N, or the one covering N. */
function vmaNamed(view: ViewState, name: string): string | null {
  const at = name.lastIndexOf(':');
  const pid = name.slice(0, at);
  const addr = Number(name.slice(at + 1));
  const vmas = view.processes.find((p) => p.pid === pid)?.vmas ?? [];
  const vma =
    vmas.find((v) => v.start === addr) ?? vmas.find((v) => v.start <= addr && addr < v.end);
  return vma ? vma.id : null;
}

/**
 * The anon_vmas the objects `ids` sit on: a VMA's chain (vma->anon_vma first), an AVC's
 * anon_vma, a page's, and for a process those of its VMAs.
 */
function columnsUnder(view: ViewState, ids: ReadonlySet<string>): string[] {
  const out = new Set<string>();
  const addVma = (vma: { anonVma: string | null; chain: readonly string[] }) => {
    if (vma.anonVma) out.add(vma.anonVma);
    for (const av of vma.chain) out.add(av);
  };
  for (const id of ids) {
    const avc = /\/(av\d+)$/.exec(id);
    if (avc) out.add(avc[1]!);
  }
  for (const proc of view.processes)
    for (const vma of proc.vmas) if (ids.has(vma.id) || ids.has(proc.pid)) addVma(vma);
  for (const page of view.pages) if (ids.has(page.id) && page.anonVma) out.add(page.anonVma);
  return [...out];
}

/** Whether the state draws an object of id `id` (a process, VMA, AVC, page or anon_vma). */
export function drawsId(view: ViewState, id: string): boolean {
  const slash = id.lastIndexOf('/');
  if (slash >= 0) return drawsId(view, id.slice(0, slash)) && drawsId(view, id.slice(slash + 1));
  return (
    view.processes.some((p) => p.pid === id || p.vmas.some((v) => v.id === id)) ||
    view.anonVmas.some((a) => a.id === id) ||
    view.pages.some((p) => p.id === id)
  );
}

/**
 * The subject's selectors, most important first: what the step changed or visits (a VMA row, an
 * AVC, a page, an anon_vma), the anon_vmas and VMAs the caption names, a process the step changed
 * (after those: its box is often wider than a phone's pane, and then framed only in part), the
 * anon_vma columns the step's changes sit on, an earlier change when this one drew nothing, and
 * last the processes the caption names and the columns under what it names.
 */
export function cameraSubject({ view, touched, named, earlier = [] }: SubjectInput): string[] {
  // a row, an AVC or a page before an anon_vma: its column runs down the whole forest, and only
  // its head may fit beside them
  const out: string[] = [
    '[data-visiting]',
    ...['vma', 'avc', 'page'].map((kind) => `[data-changed="true"]${attr('data-kind', kind)}`),
    '[data-changed="true"]:not([data-kind="process"])',
  ];
  for (const av of named?.anonVmas ?? []) out.push(ofKind('anon_vma', av));
  for (const name of named?.vmas ?? []) {
    const vma = vmaNamed(view, name);
    if (vma) out.push(ofKind('vma', vma));
  }
  out.push('[data-kind="process"][data-changed="true"]');
  for (const av of columnsUnder(view, touched)) out.push(ofKind('anon_vma', av));
  for (const id of earlier) out.push(attr('data-id', id));
  for (const av of columnsUnder(view, new Set(earlier))) out.push(ofKind('anon_vma', av));
  for (const pid of named?.processes ?? []) out.push(ofKind('process', pid));
  // the chains of what the caption names ("the grandchild's chain", "C's VMA")
  const namedIds = [...(named?.processes ?? []), ...(named?.vmas ?? [])].map((n) =>
    n.includes(':') ? (vmaNamed(view, n) ?? n) : n,
  );
  for (const av of columnsUnder(view, new Set(namedIds))) out.push(ofKind('anon_vma', av));
  return out;
}
