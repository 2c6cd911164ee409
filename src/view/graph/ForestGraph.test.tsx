import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ERAS } from '../../kernel';
import type { ViewAnonVma, ViewState, ViewVma } from '../../kernel';
import { ForestGraph } from './ForestGraph';
import { forkedForest } from './testForest';
import { PointerGraph } from '../pointer/PointerGraph';
import { matrixLayout } from '../layout/matrixLayout';
import { collectUniverse } from '../layout/universe';

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
  flags: ERAS['3.8'],
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

const NONE = new Set<string>();

function render(
  view: ViewState,
  changed: Set<string> = NONE,
  violated: Set<string> = NONE,
  pointers = false,
): string {
  const layout = matrixLayout(collectUniverse([{ cursor: 0, state: view }]));
  return renderToStaticMarkup(
    pointers ? (
      <PointerGraph view={view} layout={layout} changed={changed} violated={violated} />
    ) : (
      <ForestGraph view={view} layout={layout} changed={changed} violated={violated} />
    ),
  );
}

/** The attributes of every `<g data-kind=KIND>` in the markup (Node has no DOMParser). */
function elements(view: ViewState, kind: string, html = render(view)): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  for (const m of html.matchAll(/<g ([^>]*data-kind="([^"]+)"[^>]*)>/g)) {
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

  it('marks a held per-VMA lock on its VMA and an mmap lock on its process, in both views', () => {
    const [p, c] = forked.processes;
    const locked: ViewState = {
      ...forked,
      era: '6.12',
      flags: ERAS['6.12'],
      processes: [
        { ...p!, lockedBy: [1], lockMode: 'r', waiting: [2] },
        {
          ...c!,
          vmas: [{ ...c!.vmas[0]!, lockedBy: [0], lockMode: 'r', waiting: [1] }],
        },
      ],
    };
    for (const pointers of [false, true]) {
      const html = render(locked, NONE, NONE, pointers);
      const vmas = elements(locked, 'vma', html);
      expect(vmas.find((e) => e['data-id'] === 'P.c1:0')).toMatchObject({
        'data-locked': 'cpu0',
        'data-waiting': 'cpu1',
      });
      expect(vmas.find((e) => e['data-id'] === 'P:0')).not.toHaveProperty('data-locked');
      const procs = elements(locked, 'process', html);
      expect(procs.find((e) => e['data-id'] === 'P')).toMatchObject({
        'data-locked': 'cpu1',
        'data-waiting': 'cpu2',
      });
      expect(procs.find((e) => e['data-id'] === 'P.c1')).not.toHaveProperty('data-locked');
      // the semaphore is named as 6.12 names it
      expect(html).toContain('mmap_lock: R cpu1');
    }
    expect(render(forked)).not.toContain('mmap_lock');
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
    const html = render({
      era: '6.1',
      flags: ERAS['6.1'],
      processes: [],
      anonVmas: [],
      pages: [],
      cpus: [],
    });
    expect(html).toContain('No live process.');
  });

  it('marks what the step changed and what a violation names', () => {
    const html = render(forkedForest, new Set(['av1', 'C:0/av0', 'P:0']), new Set(['C:2']));
    const changed = (kind: string) =>
      elements(forkedForest, kind, html)
        .filter((e) => e['data-changed'] === 'true')
        .map((e) => e['data-id']);
    expect(changed('anon_vma')).toEqual(['av1']);
    expect(changed('avc')).toEqual(['C:0/av0']);
    // `P:0` names both the VMA and the page-table entry at P's address 0.
    expect(changed('vma')).toEqual(['P:0']);
    expect(changed('page')).toEqual(['P:0']);
    const violated = elements(forkedForest, 'page', html).filter(
      (e) => e['data-violation'] === 'true',
    );
    expect(violated.map((e) => e['data-id'])).toEqual(['C:2']);
  });

  it('draws the family tree, the lists and one mark per physical page', () => {
    const html = render(forkedForest);
    expect(html).toContain('data-edge="av1-&gt;av0"');
    expect(html).toContain('data-list="same_vma" data-owner="C:0"');
    expect(html).toContain('data-list="same_anon_vma" data-owner="av0"');
    expect(html.match(/data-pfn="2"/g)).toHaveLength(3); // one shelf mark, two PTEs
    expect(html).toContain('data-ptes="P:1 C:1"');
    expect(elements(forkedForest, 'page', html).find((e) => e['data-id'] === 'C:2')).toMatchObject({
      'data-migration': 'true',
    });
  });

  it('makes every object focusable and named', () => {
    for (const kind of ['process', 'vma', 'anon_vma', 'avc', 'page']) {
      for (const e of elements(forkedForest, kind)) {
        expect(e).toMatchObject({ tabindex: '0', role: 'button' });
        expect(e['aria-label']).toBeTruthy();
      }
    }
  });

  it('draws the same objects with the same data-ids in the pointer view', () => {
    const pointers = render(forkedForest, NONE, NONE, true);
    for (const kind of ['process', 'vma', 'anon_vma', 'avc', 'page']) {
      const matrixIds = ids(forkedForest, kind);
      const pointerIds = elements(forkedForest, kind, pointers).map((e) => e['data-id']);
      expect(pointerIds.sort()).toEqual([...matrixIds].sort());
    }
    const av0 = elements(forkedForest, 'anon_vma', pointers).find((e) => e['data-id'] === 'av0');
    expect(av0).toMatchObject({ 'data-locked': 'cpu0 cpu1', 'data-waiting': 'cpu2' });
  });
});
