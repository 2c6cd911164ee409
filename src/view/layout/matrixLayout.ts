// Geometry of the AVC matrix: one row per VMA (grouped under its process), one column per
// anon_vma (grouped by family, descendants left of their ancestors so a same_vma list reads left to
// right with the root last), the family tree above the columns, then each column's header (lock,
// counters) and its shelf of physical pages, and a strip of page-table cells at the left of each
// row. Processes (and anon_vmas of one family) that never live at the same time share a band (a
// column). D3 does the arithmetic only.
import { familyOrder } from './family';
import { linearScale, ordinalScale } from './scales';
import type { ParentLink } from './family';
import { assignSlots, canFollow } from './slots';
import type { Lifetime, Universe } from './universe';

export const GEOMETRY = {
  margin: 16,
  labelWidth: 132,
  stripGap: 12,
  maxCell: 16,
  minCell: 3,
  maxStrip: 240,
  columnGap: 24,
  columnWidth: 92,
  familyGap: 18,
  /** vertical distance between two generations of the family tree, most and least */
  maxLevel: 46,
  minLevel: 20,
  maxTree: 260,
  headerHeight: 72,
  pfnSize: 18,
  pfnPerLine: 4,
  processHeight: 28,
  vmaHeight: 34,
  processGap: 10,
  avcRadius: 11,
  anonVmaRadius: 16,
} as const;

export interface MatrixLayout {
  width: number;
  height: number;
  /** x of the left edge of the page strip, and its width */
  stripX: number;
  stripWidth: number;
  /** width of one page cell in the strip */
  cell: number;
  /** x of the left edge of a page cell */
  pageX: (addr: number) => number;
  /** anon_vma id -> x of its column centre */
  columnX: Record<string, number>;
  /** anon_vma id -> y of its node in the family tree */
  nodeY: Record<string, number>;
  /** anon_vma id -> its parent in the family tree */
  parents: Record<string, ParentLink>;
  /** anon_vma id -> the root of its family */
  family: Record<string, string>;
  /** y of the top of the column headers (lock badge, counters) and of the page shelf */
  headerTop: number;
  shelfTop: number;
  /** `avN#pfn` -> centre of that physical page's mark on the anon_vma's shelf */
  pfnXY: Record<string, { x: number; y: number }>;
  /** pid -> top and height of its band (its label row and every VMA row it ever has) */
  processBand: Record<string, { y: number; height: number }>;
  /** VMA id -> y of its row centre */
  vmaY: Record<string, number>;
  /** y where the rows start and end (for column guides) */
  rowsTop: number;
  rowsBottom: number;
  /** anon_vma id -> a colour shared by its column and the pages that point to it */
  color: Record<string, string>;
}

/**
 * anon_vma colours: Tableau 10 without its orange, yellow and red, which the page keeps for
 * "changed by this step", locks and violations. An anon_vma is also always labelled by its id.
 */
export const ANON_VMA_COLORS = [
  '#4e79a7',
  '#59a14f',
  '#b07aa1',
  '#76b7b2',
  '#9c755f',
  '#ff9da7',
  '#8c8c8c',
] as const;

export const pfnKey = (anonVma: string, pfn: number) => `${anonVma}#${pfn}`;

/**
 * Columns of one family in order: an anon_vma shares the previous column only when its life and
 * the life of every anon_vma already in it are apart (a sample shows one gone before the other
 * came), so the order of live columns never changes.
 */
function familySlots(ids: readonly string[], u: Universe): string[][] {
  const slots: { ids: string[]; lives: Lifetime[] }[] = [];
  const apart = (a: Lifetime, b: Lifetime) =>
    canFollow(a, b, u.samples) || canFollow(b, a, u.samples);
  for (const id of ids) {
    const life = u.anonVmaLife[id] ?? { first: 0, last: Number.POSITIVE_INFINITY };
    const prev = slots.at(-1);
    if (prev && prev.lives.every((l) => apart(l, life))) {
      prev.ids.push(id);
      prev.lives.push(life);
    } else slots.push({ ids: [id], lives: [life] });
  }
  return slots.map((s) => s.ids);
}

/** x of a page cell's left edge: the strip spans the universe's addresses. */
function pageXOf(u: Universe, stripX: number, stripWidth: number): (addr: number) => number {
  const span = Math.max(1, u.maxAddr - u.minAddr);
  const toX = linearScale([u.minAddr, u.minAddr + span], [stripX, stripX + stripWidth]);
  return (addr) => toX(addr);
}

/** A layout without its one function: what a worker can post (see withPageX). */
export type LayoutData = Omit<MatrixLayout, 'pageX'>;

export function layoutData(l: MatrixLayout): LayoutData {
  const { pageX: _pageX, ...data } = l;
  return data;
}

/** The layout `layoutData` posted, made of universe `u`, whole again. */
export function withPageX(data: LayoutData, u: Universe): MatrixLayout {
  return { ...data, pageX: pageXOf(u, data.stripX, data.stripWidth) };
}

export function matrixLayout(u: Universe): MatrixLayout {
  const g = GEOMETRY;
  const span = Math.max(1, u.maxAddr - u.minAddr);
  const cell = Math.max(g.minCell, Math.min(g.maxCell, g.maxStrip / span));
  const stripWidth = cell * span;
  const stripX = g.margin + g.labelWidth + g.stripGap;

  // Columns: family after family, each family packed on its own.
  const fam = familyOrder(u.anonVmas, u.parents);
  const columnX: Record<string, number> = {};
  let x = stripX + stripWidth + g.columnGap;
  let prevFamily: string | undefined;
  let run: string[] = [];
  const flush = () => {
    if (run.length === 0) return;
    if (prevFamily !== undefined) x += g.familyGap;
    for (const slot of familySlots(run, u)) {
      for (const id of slot) columnX[id] = x + g.columnWidth / 2;
      x += g.columnWidth;
    }
    run = [];
  };
  for (const id of fam.order) {
    const f = fam.family[id];
    if (run.length > 0 && fam.family[run[0] ?? ''] !== f) {
      flush();
      prevFamily = f;
    }
    run.push(id);
  }
  flush();
  const matrixRight = Math.max(x, stripX + stripWidth + g.columnGap + g.columnWidth);

  // The family tree above the columns: one level per generation, squeezed when it is deep.
  let maxDepth = 0;
  for (const d of Object.values(fam.depth)) if (d > maxDepth) maxDepth = d;
  const level = Math.max(g.minLevel, Math.min(g.maxLevel, g.maxTree / Math.max(1, maxDepth)));
  const treeTop = g.margin + 4;
  const nodeY: Record<string, number> = {};
  for (const id of u.anonVmas) nodeY[id] = treeTop + g.anonVmaRadius + level * (fam.depth[id] ?? 0);
  const headerTop = treeTop + 2 * g.anonVmaRadius + level * maxDepth + 8;

  // The shelf: every physical page that ever pointed to an anon_vma keeps one place under it.
  const shelfTop = headerTop + g.headerHeight;
  const pitch = g.pfnSize + 3;
  const pfnXY: Record<string, { x: number; y: number }> = {};
  let shelfLines = 0;
  for (const [av, list] of Object.entries(u.pfns)) {
    const cx = columnX[av];
    if (cx === undefined) continue;
    shelfLines = Math.max(shelfLines, Math.ceil(list.length / g.pfnPerLine));
    list.forEach((pfn, i) => {
      const col = i % g.pfnPerLine;
      pfnXY[pfnKey(av, pfn)] = {
        x: cx + (col - (g.pfnPerLine - 1) / 2) * pitch,
        y: shelfTop + pitch * (Math.floor(i / g.pfnPerLine) + 0.5),
      };
    });
  }

  const rowsTop = shelfTop + pitch * shelfLines + 10;
  const processBand: Record<string, { y: number; height: number }> = {};
  const vmaY: Record<string, number> = {};
  const byPid = new Map<string, Universe['vmas']>();
  for (const v of u.vmas) {
    const list = byPid.get(v.pid);
    if (list) list.push(v);
    else byPid.set(v.pid, [v]);
  }
  const vmasOf = (pid: string) => byPid.get(pid) ?? [];
  const bandHeight = (pid: string) => g.processHeight + g.vmaHeight * vmasOf(pid).length;
  let y = rowsTop;
  for (const occupants of assignSlots(u.pids, u.processLife, u.samples).slots) {
    for (const pid of occupants) {
      processBand[pid] = { y, height: bandHeight(pid) };
      vmasOf(pid).forEach((vma, i) => {
        vmaY[vma.id] = y + g.processHeight + g.vmaHeight * (i + 0.5);
      });
    }
    let tallest = 0;
    for (const pid of occupants) tallest = Math.max(tallest, bandHeight(pid));
    y += tallest + g.processGap;
  }

  const palette = ordinalScale(u.anonVmas, ANON_VMA_COLORS);
  const color: Record<string, string> = {};
  for (const id of u.anonVmas) color[id] = palette(id);

  return {
    width: Math.ceil(matrixRight + g.margin),
    height: Math.ceil(Math.max(y, rowsTop + g.processHeight) + g.margin),
    stripX,
    stripWidth,
    cell,
    pageX: pageXOf(u, stripX, stripWidth),
    columnX,
    nodeY,
    parents: u.parents,
    family: fam.family,
    headerTop,
    shelfTop,
    pfnXY,
    processBand,
    vmaY,
    rowsTop,
    rowsBottom: Math.max(rowsTop, y - g.processGap),
    color,
  };
}
