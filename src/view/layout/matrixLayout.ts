// Geometry of the AVC matrix: one row per VMA (grouped under its process), one column per
// anon_vma, a strip of page cells at the left of each row. Processes (and anon_vmas) that never
// live at the same time share a band (a column). D3 does the arithmetic only.
import { scaleLinear, scaleOrdinal, schemeTableau10 } from 'd3';
import { assignSlots } from './slots';
import type { Universe } from './universe';

export const GEOMETRY = {
  margin: 16,
  labelWidth: 132,
  stripGap: 12,
  maxCell: 16,
  minCell: 3,
  maxStrip: 240,
  columnGap: 24,
  columnWidth: 76,
  headerHeight: 128,
  processHeight: 28,
  vmaHeight: 32,
  processGap: 10,
  avcRadius: 10,
  anonVmaRadius: 17,
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

export function matrixLayout(u: Universe): MatrixLayout {
  const g = GEOMETRY;
  const span = Math.max(1, u.maxAddr - u.minAddr);
  const cell = Math.max(g.minCell, Math.min(g.maxCell, g.maxStrip / span));
  const stripWidth = cell * span;
  const stripX = g.margin + g.labelWidth + g.stripGap;
  const toX = scaleLinear()
    .domain([u.minAddr, u.minAddr + span])
    .range([stripX, stripX + stripWidth]);

  const matrixX = stripX + stripWidth + g.columnGap;
  const columns = assignSlots(u.anonVmas, u.anonVmaLife, u.samples);
  const columnX: Record<string, number> = {};
  for (const id of u.anonVmas) {
    columnX[id] = matrixX + g.columnWidth * ((columns.slotOf[id] ?? 0) + 0.5);
  }

  const rowsTop = g.margin + g.headerHeight;
  const processBand: Record<string, { y: number; height: number }> = {};
  const vmaY: Record<string, number> = {};
  const vmasOf = (pid: string) => u.vmas.filter((v) => v.pid === pid);
  const bandHeight = (pid: string) => g.processHeight + g.vmaHeight * vmasOf(pid).length;
  let y = rowsTop;
  for (const occupants of assignSlots(u.pids, u.processLife, u.samples).slots) {
    for (const pid of occupants) {
      processBand[pid] = { y, height: bandHeight(pid) };
      vmasOf(pid).forEach((vma, i) => {
        vmaY[vma.id] = y + g.processHeight + g.vmaHeight * (i + 0.5);
      });
    }
    y += Math.max(...occupants.map(bandHeight)) + g.processGap;
  }

  const palette = scaleOrdinal<string, string>().domain(u.anonVmas).range(schemeTableau10);
  const color: Record<string, string> = {};
  for (const id of u.anonVmas) color[id] = palette(id);

  return {
    width: Math.ceil(matrixX + g.columnWidth * Math.max(1, columns.slots.length) + g.margin),
    height: Math.ceil(Math.max(y, rowsTop + g.processHeight) + g.margin),
    stripX,
    stripWidth,
    cell,
    pageX: (addr) => toX(addr),
    columnX,
    processBand,
    vmaY,
    rowsTop,
    rowsBottom: Math.max(rowsTop, y - g.processGap),
    color,
  };
}
