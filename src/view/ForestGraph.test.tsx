import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ViewAnonVma, ViewState, ViewVma } from '../kernel/view';
import { ForestGraph } from './ForestGraph';
import { matrixLayout } from './layout/matrixLayout';
import { collectUniverse } from './layout/universe';

function vma(pid: string, start: number, end: number, chain: string[]): ViewVma {
  const anonVma = chain[0] ?? null;
  return {
    id: `${pid}:${start}`,
    pid,
    start,
    end,
    pgoff: 0,
    prot: 'rw',
    growsdown: false,
    anonVma,
    chain,
  };
}

function av(id: string, extra: Partial<ViewAnonVma> = {}): ViewAnonVma {
  return {
    id,
    root: 'av0',
    refcount: 1,
    tree: [],
    lockedBy: [],
    lockMode: null,
    waiting: [],
    refs: [],
    ...extra,
  };
}

const forked: ViewState = {
  era: '3.8',
  processes: [
    { pid: 'P', parent: null, vmas: [vma('P', 0, 4, ['av0'])] },
    { pid: 'P.c1', parent: 'P', vmas: [vma('P.c1', 0, 4, ['av1', 'av0'])] },
  ],
  anonVmas: [
    av('av0', { lockedBy: [0, 1], lockMode: 'r', waiting: [2] }),
    av('av1', { parent: 'av0' }),
  ],
  pages: [
    { id: 'P:0', pid: 'P', addr: 0, page: 1, anonVma: 'av0', migration: false },
    { id: 'P.c1:0', pid: 'P.c1', addr: 0, page: 1, anonVma: 'av0', migration: true },
  ],
  cpus: [],
};

function render(view: ViewState): string {
  return renderToStaticMarkup(
    <ForestGraph
      view={view}
      layout={matrixLayout(collectUniverse([{ cursor: 0, state: view }]))}
    />,
  );
}

/** The attributes of every `<g data-kind=KIND>` in the markup (Node has no DOMParser). */
function elements(view: ViewState, kind: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  for (const m of render(view).matchAll(/<g ([^>]*data-kind="([^"]+)"[^>]*)>/g)) {
    if (m[2] !== kind) continue;
    const attrs: Record<string, string> = {};
    for (const a of (m[1] ?? '').matchAll(/([\w-]+)="([^"]*)"/g)) attrs[a[1] ?? ''] = a[2] ?? '';
    out.push(attrs);
  }
  return out;
}

const ids = (view: ViewState, kind: string) => elements(view, kind).map((e) => e['data-id']);

describe('ForestGraph', () => {
  it('draws every object with its Contract 4 data-id', () => {
    expect(ids(forked, 'process')).toEqual(['P', 'P.c1']);
    expect(ids(forked, 'vma')).toEqual(['P:0', 'P.c1:0']);
    expect(ids(forked, 'anon_vma')).toEqual(['av0', 'av1']);
    expect(ids(forked, 'avc')).toEqual(['P:0/av0', 'P.c1:0/av1', 'P.c1:0/av0']);
    expect(ids(forked, 'page')).toEqual(['P:0', 'P.c1:0']);
  });

  it('marks held and awaited locks', () => {
    const [av0, av1] = elements(forked, 'anon_vma');
    expect(av0).toMatchObject({ 'data-locked': 'cpu0 cpu1', 'data-waiting': 'cpu2' });
    expect(av1).not.toHaveProperty('data-locked');
    expect(av1).not.toHaveProperty('data-waiting');
  });

  it('renders scenario text as text', () => {
    const evil: ViewState = {
      ...forked,
      processes: [{ pid: '<img src=x onerror=alert(1)>', parent: null, vmas: [] }],
    };
    const html = render(evil);
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('says so when there is nothing to draw', () => {
    const html = render({ era: '6.1', processes: [], anonVmas: [], pages: [], cpus: [] });
    expect(html).toContain('No live process.');
  });
});
