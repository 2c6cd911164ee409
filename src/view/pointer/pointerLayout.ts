// Geometry of the pointer view: the literal structures as boxes and arrows. anon_vma boxes sit in
// a band on top, in the matrix's column order (so a step never reorders them), with root/parent
// pointers as arcs above them; each VMA is a box on the left, in the matrix's row order, followed
// by its same_vma list of AVC boxes head to tail; each anon_vma's same_anon_vma list runs from its
// box through its AVCs in list order, in a lane of its own (the gaps grow with the number of
// lists, so no two lists share a track). Only the processes alive now take room: a band left by
// an exited process closes up. Pure: positions come from the trace's matrix layout and the
// state's lists; no DOM.
import { avcId } from '../../kernel';
import type { ViewState } from '../../kernel';
import type { MatrixLayout } from '../layout/matrixLayout';

export const PTR = {
  margin: 16,
  vmaW: 184,
  vmaH: 40,
  avW: 184,
  avH: 84,
  avcW: 112,
  avcH: 34,
  gap: 22,
  arcRoom: 44,
  rowH: 66,
  processH: 30,
  pageH: 13,
  maxPage: 16,
  /** distance between two lists' lanes */
  lane: 7,
  processGap: 8,
} as const;

export interface Box {
  id: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface AvcBox extends Box {
  vma: string;
  anonVma: string;
  index: number;
}

export interface PageBox extends Box {
  page: number;
  anonVma: string | null;
  migration: boolean;
}

export interface Arrow {
  /** the list's owner (VMA or anon_vma id) or, for a pointer, the object it starts from */
  owner: string;
  d: string;
}

export interface PointerLayout {
  width: number;
  height: number;
  processes: { pid: string; parent: string | null; x: number; y: number; w: number; h: number }[];
  anonVmas: Box[];
  vmas: Box[];
  avcs: AvcBox[];
  pages: PageBox[];
  sameVma: Arrow[];
  sameAnonVma: Arrow[];
  family: (Arrow & { to: string; kind: 'parent' | 'root' | 'inferred' })[];
}

/**
 * One hop of a same_anon_vma list, routed through the free space so it never passes under a box
 * it does not point to: out of the bottom of `from`, along the gap under it, down (or up) the gap
 * right of `to`'s column, into `to`'s right edge above the same_vma arrow. `lane` (0, 1, …: one
 * per list) puts each list on tracks of its own, PTR.lane apart.
 */
export function channelPath(from: Box, to: Box, lane: number): string {
  const shift = lane * PTR.lane;
  const sx = from.x + from.w - 10 - (shift % Math.max(PTR.lane, from.w - 24));
  const sy = from.y + from.h;
  const runY = sy + 5 + shift;
  const cx = to.x + to.w + 5 + shift;
  const ty = to.y + 7;
  return `M${sx},${sy} V${runY} H${cx} V${ty} H${to.x + to.w + 1}`;
}

/** `hasAvc` false: the era has no anon_vma_chain (2.6.33), a VMA points to its anon_vma only. */
export function pointerLayout(view: ViewState, m: MatrixLayout, hasAvc = true): PointerLayout {
  const g = PTR;
  const listLeft = g.margin + g.vmaW + g.gap;
  // one lane per list that has a hop to draw, in the anon_vmas' order
  const lists = view.anonVmas.filter((av) => av.tree.length > 0).map((av) => av.id);
  const laneOf = new Map(lists.map((id, i) => [id, i]));
  const lanesRoom = 10 + lists.length * g.lane;
  const colGap = Math.max(g.gap, lanesRoom + 4);
  const rowH = Math.max(g.rowH, g.avcH + lanesRoom + 8);

  // anon_vma slots: the matrix's distinct column positions, left to right.
  const slotXs = [...new Set(Object.values(m.columnX))].sort((a, b) => a - b);
  const slotOf = new Map(slotXs.map((x, i) => [x, i]));
  const avTop = g.margin + g.arcRoom;
  const anonVmas: Box[] = view.anonVmas.map((av) => ({
    id: av.id,
    x: listLeft + (slotOf.get(m.columnX[av.id] ?? 0) ?? 0) * (g.avW + g.gap),
    y: avTop,
    w: g.avW,
    h: g.avH,
  }));
  const avBox = new Map(anonVmas.map((b) => [b.id, b]));

  // Rows: each live process's band of matrix rows, stretched to the pointer view's row height,
  // stacked in the matrix's order with no room kept for processes not alive now.
  const rowsTop = avTop + g.avH + Math.max(g.gap + 10, lanesRoom);
  const scale = rowH / 34;
  const live = view.processes
    .flatMap((p) => {
      const band = m.processBand[p.pid];
      return band ? [{ p, band }] : [];
    })
    .sort((a, b) => a.band.y - b.band.y);
  const bandTop = new Map<string, number>();
  let nextTop = rowsTop;
  const processes = live.map(({ p, band }) => {
    bandTop.set(p.pid, nextTop);
    const box = {
      pid: p.pid,
      parent: p.parent,
      x: g.margin,
      y: nextTop,
      w: 0,
      h: band.height * scale,
    };
    nextTop += box.h + g.processGap;
    return box;
  });
  /** a row's centre: its place in its process's band, under the band's new top */
  const yOf = (pid: string, matrixY: number) => {
    const band = m.processBand[pid];
    return (bandTop.get(pid) ?? rowsTop) + (matrixY - (band?.y ?? m.rowsTop)) * scale;
  };

  const vmas: Box[] = [];
  const avcs: AvcBox[] = [];
  const pages: PageBox[] = [];
  const sameVma: Arrow[] = [];
  const pagesOf = new Map<string, ViewState['pages']>();
  for (const pg of view.pages) {
    const list = pagesOf.get(pg.pid);
    if (list) list.push(pg);
    else pagesOf.set(pg.pid, [pg]);
  }
  for (const proc of view.processes) {
    for (const v of proc.vmas) {
      const cy = yOf(v.pid, m.vmaY[v.id] ?? m.rowsTop) - 6;
      const box = { id: v.id, x: g.margin + 6, y: cy - g.vmaH / 2, w: g.vmaW - 6, h: g.vmaH };
      vmas.push(box);
      let prevX = box.x + box.w;
      (hasAvc ? v.chain : []).forEach((av, i) => {
        const x = listLeft + i * (g.avcW + colGap);
        avcs.push({
          id: avcId(v.id, av),
          vma: v.id,
          anonVma: av,
          index: i + 1,
          x,
          y: cy - g.avcH / 2,
          w: g.avcW,
          h: g.avcH,
        });
        sameVma.push({ owner: v.id, d: `M${prevX},${cy} H${x - 2}` });
        prevX = x + g.avcW;
      });
      const mine = (pagesOf.get(v.pid) ?? []).filter((pg) => pg.addr >= v.start && pg.addr < v.end);
      const cell = Math.min(g.maxPage, (box.w - 8) / Math.max(1, mine.length));
      mine.forEach((pg, i) =>
        pages.push({
          id: pg.id,
          x: box.x + 4 + i * cell,
          y: box.y + box.h + 2,
          w: Math.max(2, cell - 2),
          h: g.pageH,
          page: pg.page,
          anonVma: pg.anonVma,
          migration: pg.migration,
        }),
      );
    }
  }

  const avcBox = new Map(avcs.map((b) => [b.id, b]));
  const vmaBox = new Map(vmas.map((b) => [b.id, b]));
  const sameAnonVma: Arrow[] = [];
  view.anonVmas.forEach((av) => {
    const lane = laneOf.get(av.id) ?? 0;
    let from = avBox.get(av.id);
    for (const vma of av.tree) {
      // Before anon_vma_chain (2.6.33) the list holds the VMAs themselves.
      const to = avcBox.get(avcId(vma, av.id)) ?? vmaBox.get(vma);
      if (!from || !to) continue;
      sameAnonVma.push({ owner: av.id, d: channelPath(from, to, lane) });
      from = to;
    }
  });

  const family: PointerLayout['family'] = [];
  for (const av of view.anonVmas) {
    const link = m.parents[av.id];
    const from = avBox.get(av.id);
    const to = link ? avBox.get(link.id) : undefined;
    if (!link || !from || !to) continue;
    const x1 = from.x + from.w / 2 - 12;
    const x2 = to.x + to.w / 2 + 12;
    const lift = Math.min(g.arcRoom - 6, 18 + Math.abs(x2 - x1) / 12);
    family.push({
      owner: av.id,
      to: link.id,
      kind: link.inferred ? 'inferred' : av.parent !== undefined ? 'parent' : 'root',
      d: `M${x1},${from.y} C${x1},${from.y - lift} ${x2},${to.y - lift} ${x2},${to.y - 2}`,
    });
  }

  const right = Math.max(
    listLeft + slotXs.length * (g.avW + g.gap),
    ...avcs.map((b) => b.x + b.w + colGap),
    ...anonVmas.map((b) => b.x + b.w + g.gap),
  );
  const bottom = Math.max(rowsTop + rowH, nextTop + 10);
  const width = Math.ceil(right + g.margin);
  for (const p of processes) p.w = width - 2 * g.margin;
  return {
    width,
    height: Math.ceil(bottom + g.margin),
    processes,
    anonVmas,
    vmas,
    avcs,
    pages,
    sameVma,
    sameAnonVma,
    family,
  };
}
