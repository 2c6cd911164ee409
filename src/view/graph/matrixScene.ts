// What the matrix draws at one cursor: plain props for every memoized object component, computed
// from the state and the trace's layout. Props are primitives (lists joined into strings) so an
// object whose props did not change between two steps is not re-rendered (STYLE.md 6).
import { avcId } from '../../kernel';
import type { ViewState, ViewVma } from '../../kernel';
import { GEOMETRY, pfnKey } from '../layout/matrixLayout';
import type { MatrixLayout } from '../layout/matrixLayout';
import { cpuList } from './cpu';

const NO_COLOR = '#6b7280';

export interface ColumnScene {
  id: string;
  x: number;
  nodeY: number;
  headerTop: number;
  bottom: number;
  color: string;
  root: string | undefined;
  parent: string | undefined;
  refcount: number;
  refs: string;
  /** its memory was freed and handed out again (SLAB_DESTROY_BY_RCU), this many times */
  reused: number;
  treeSize: number;
  /** `cpu0 cpu1` (Contract 4 data-locked), empty when free */
  locked: string;
  lockMode: 'w' | 'r' | null;
  waiting: string;
  /** whether this anon_vma's own lock is ever taken in this era (not when the root's is) */
  ownLock: boolean;
  changed: boolean;
  violated: boolean;
}

export interface EdgeScene {
  /** the child anon_vma */
  id: string;
  to: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  kind: 'parent' | 'root' | 'inferred';
  /** name the pointer on this edge: only the parent's nearest child's, to keep the tree clean */
  label: boolean;
}

export interface AvcScene {
  id: string;
  vma: string;
  anonVma: string;
  x: number;
  y: number;
  color: string;
  /** 1-based place on the VMA's same_vma list, and on the anon_vma's same_anon_vma list (0: absent) */
  chainIndex: number;
  treeIndex: number;
  own: boolean;
  changed: boolean;
  violated: boolean;
}

export interface ListScene {
  /** the VMA (same_vma) or anon_vma (same_anon_vma) that heads the list */
  owner: string;
  /** `x,y x,y ...`: the head, then every entry in list order */
  points: string;
  /** the anon_vma's colour, for a same_anon_vma list */
  color?: string;
}

export interface PteScene {
  id: string;
  x: number;
  y: number;
  width: number;
  page: number;
  anonVma: string | null;
  color: string;
  migration: boolean;
  changed: boolean;
  violated: boolean;
  /** `cpu0`: holders of the page's lock; empty when free */
  locked: string;
  /** `cpu1`: CPUs waiting for the page's lock */
  waiting: string;
}

export interface PfnScene {
  slot: string;
  pfn: number;
  anonVma: string;
  x: number;
  y: number;
  color: string;
  /** PTE ids that map it, space separated */
  ptes: string;
  migration: boolean;
  /** `cpu0`: holders of the page's lock; empty when free */
  locked: string;
}

export interface LinkScene {
  id: string;
  pfn: number;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  migration: boolean;
}

export interface MatrixScene {
  columns: ColumnScene[];
  edges: EdgeScene[];
  avcs: AvcScene[];
  sameVma: ListScene[];
  sameAnonVma: ListScene[];
  ptes: PteScene[];
  pfns: PfnScene[];
  links: LinkScene[];
}

export interface SceneInput {
  view: ViewState;
  layout: MatrixLayout;
  changed: ReadonlySet<string>;
  violated: ReadonlySet<string>;
  /** the era takes every anon_vma lock on the root (patch 4/5) */
  rootLock: boolean;
  /** the era has anon_vma_chain (2.6.34 on); before, a VMA points to its anon_vma directly */
  hasAvc?: boolean;
}

export function matrixScene({
  view,
  layout,
  changed,
  violated,
  rootLock,
  hasAvc = true,
}: SceneInput): MatrixScene {
  const { columnX, vmaY, color } = layout;
  const colorOf = (id: string | null) => (id && color[id]) || NO_COLOR;
  const vmas = view.processes.flatMap((p) => p.vmas);
  const vmaById = new Map(vmas.map((v) => [v.id, v]));
  const live = new Set(view.anonVmas.map((a) => a.id));

  const columns = view.anonVmas.map((av): ColumnScene => ({
    id: av.id,
    x: columnX[av.id] ?? 0,
    nodeY: layout.nodeY[av.id] ?? 0,
    headerTop: layout.headerTop,
    bottom: layout.rowsBottom,
    color: colorOf(av.id),
    root: av.root,
    parent: av.parent,
    refcount: av.refcount,
    refs: av.refs.join(' '),
    reused: av.reused ?? 0,
    treeSize: av.tree.length,
    locked: cpuList(av.lockedBy),
    lockMode: av.lockMode,
    waiting: cpuList(av.waiting),
    ownLock: !rootLock || av.root === undefined || av.root === av.id,
    changed: changed.has(av.id),
    violated: violated.has(av.id),
  }));

  const edges: EdgeScene[] = [];
  for (const av of view.anonVmas) {
    // The pointer as it is now (a reused anon_vma joins another family, §8.6); the trace-wide
    // layout link only where the era has no pointer to read.
    const now = av.parent !== undefined && av.parent !== av.id ? av.parent : av.root;
    const link =
      now !== undefined
        ? now === av.id
          ? undefined
          : { id: now, inferred: false }
        : layout.parents[av.id];
    if (!link || !live.has(link.id)) continue;
    const kind = link.inferred ? 'inferred' : av.parent !== undefined ? 'parent' : 'root';
    edges.push({
      id: av.id,
      to: link.id,
      x1: columnX[av.id] ?? 0,
      y1: layout.nodeY[av.id] ?? 0,
      x2: columnX[link.id] ?? 0,
      y2: layout.nodeY[link.id] ?? 0,
      kind,
      label: false,
    });
  }
  const nearest = new Map<string, EdgeScene>();
  for (const e of edges) {
    const best = nearest.get(e.to);
    if (!best || Math.abs(e.x2 - e.x1) < Math.abs(best.x2 - best.x1)) nearest.set(e.to, e);
  }
  for (const e of nearest.values()) e.label = e.kind !== 'inferred';

  const treeIndex = new Map<string, number>();
  for (const av of view.anonVmas)
    av.tree.forEach((vma, i) => treeIndex.set(avcId(vma, av.id), i + 1));

  const avcs: AvcScene[] = (hasAvc ? vmas : []).flatMap((v) =>
    v.chain.map((av, i): AvcScene => {
      const id = avcId(v.id, av);
      return {
        id,
        vma: v.id,
        anonVma: av,
        x: columnX[av] ?? 0,
        y: vmaY[v.id] ?? 0,
        color: colorOf(av),
        chainIndex: i + 1,
        treeIndex: treeIndex.get(id) ?? 0,
        own: av === v.anonVma,
        changed: changed.has(id),
        violated: violated.has(id),
      };
    }),
  );

  const rowHead = (v: ViewVma) => layout.pageX(v.end) + 4;
  const sameVma = vmas
    .filter((v) => hasAvc && v.chain.length > 0)
    .map((v) => {
      const y = vmaY[v.id] ?? 0;
      const xs = [rowHead(v), ...v.chain.map((av) => columnX[av] ?? 0)];
      return { owner: v.id, points: xs.map((x) => `${x},${y}`).join(' ') };
    });

  const headY = layout.rowsTop - 6;
  const sameAnonVma = view.anonVmas
    .filter((av) => av.tree.length > 0)
    .map((av) => {
      const x = columnX[av.id] ?? 0;
      const ys = [headY, ...av.tree.map((vma) => vmaY[vma] ?? headY)];
      return { owner: av.id, points: ys.map((y) => `${x},${y}`).join(' '), color: colorOf(av.id) };
    });

  const ptes: PteScene[] = [];
  const pfnMap = new Map<string, PfnScene>();
  const links: LinkScene[] = [];
  const vmasOf = new Map(view.processes.map((p) => [p.pid, p.vmas]));
  for (const pg of view.pages) {
    const vma = vmasOf.get(pg.pid)?.find((v) => v.start <= pg.addr && pg.addr < v.end);
    if (!vma || !vmaById.has(vma.id)) continue;
    const x = layout.pageX(pg.addr);
    const y = vmaY[vma.id] ?? 0;
    ptes.push({
      id: pg.id,
      x,
      y,
      width: layout.cell,
      page: pg.page,
      anonVma: pg.anonVma,
      color: colorOf(pg.anonVma),
      migration: pg.migration,
      changed: changed.has(pg.id),
      violated: violated.has(pg.id),
      locked: cpuList(pg.lockedBy ?? []),
      waiting: cpuList(pg.waiting ?? []),
    });
    if (!pg.anonVma) continue;
    const key = pfnKey(pg.anonVma, pg.page);
    const at = layout.pfnXY[key];
    if (!at) continue;
    const prev = pfnMap.get(key);
    pfnMap.set(key, {
      slot: key,
      pfn: pg.page,
      anonVma: pg.anonVma,
      x: at.x,
      y: at.y,
      color: colorOf(pg.anonVma),
      ptes: prev ? `${prev.ptes} ${pg.id}` : pg.id,
      migration: (prev?.migration ?? false) || pg.migration,
      locked: cpuList(pg.lockedBy ?? []),
    });
    links.push({
      id: pg.id,
      pfn: pg.page,
      x1: at.x,
      y1: at.y + GEOMETRY.pfnSize / 2,
      x2: x + layout.cell / 2,
      y2: y - 7,
      migration: pg.migration,
    });
  }

  return { columns, edges, avcs, sameVma, sameAnonVma, ptes, pfns: [...pfnMap.values()], links };
}
