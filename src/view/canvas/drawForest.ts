// Draws a simplified AVC matrix on a 2D canvas: process bands, VMA rows and anon_vma columns as
// thin lines, AVCs and pages as small squares, held locks as thick strokes, labels only when zoomed
// in far enough to read them. Only what is inside the viewport is drawn.
import type { ViewState } from '../../kernel';
import type { MatrixLayout } from '../layout/matrixLayout';
import type { Transform } from '../zoom/constrain';

export interface CanvasColors {
  bg: string;
  fg: string;
  muted: string;
  band: string;
  lock: string;
}

export interface DrawTarget {
  ctx: CanvasRenderingContext2D;
  /** CSS pixels of the canvas */
  width: number;
  height: number;
  dpr: number;
}

/** Labels are drawn once a row is at least this many screen pixels tall. */
const LABEL_MIN_ROW_PX = 14;
/** Row lines and process bands are drawn once rows are this far apart on screen: closer, they
 * would only grey the whole picture out. */
const LINE_MIN_ROW_PX = 4;
/** Closer columns than this are drawn faint, so the AVC marks stay readable over them. */
const SOLID_MIN_COLUMN_PX = 6;
/** Row pitch and column pitch of the matrix layout (GEOMETRY.vmaHeight, .columnWidth). */
const ROW_PITCH = 32;
const COLUMN_PITCH = 76;

export interface DrawStats {
  rows: number;
  columns: number;
  marks: number;
}

export function drawForest(
  target: DrawTarget,
  view: ViewState,
  layout: MatrixLayout,
  t: Transform,
  colors: CanvasColors,
): DrawStats {
  const { ctx, width, height, dpr } = target;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.fillStyle = colors.bg;
  ctx.fillRect(0, 0, width, height);
  ctx.setTransform(dpr * t.k, 0, 0, dpr * t.k, dpr * t.x, dpr * t.y);

  // The viewport in content coordinates, for culling.
  const x0 = -t.x / t.k;
  const y0 = -t.y / t.k;
  const x1 = x0 + width / t.k;
  const y1 = y0 + height / t.k;
  const px = 1 / t.k; // one screen pixel in content units
  const stats: DrawStats = { rows: 0, columns: 0, marks: 0 };

  const rowLines = ROW_PITCH * t.k >= LINE_MIN_ROW_PX;
  ctx.fillStyle = colors.band;
  for (const proc of rowLines ? view.processes : []) {
    const band = layout.processBand[proc.pid];
    if (!band || band.y > y1 || band.y + band.height < y0) continue;
    ctx.fillRect(0, band.y, layout.width, Math.max(px, band.height - 2 * px));
  }

  // anon_vma columns: a thin line in the family colour; a held lock is a thick one.
  const faint = COLUMN_PITCH * t.k < SOLID_MIN_COLUMN_PX;
  for (const av of view.anonVmas) {
    const x = layout.columnX[av.id];
    if (x === undefined || x < x0 - 4 * px || x > x1 + 4 * px) continue;
    const locked = av.lockedBy.length > 0;
    ctx.fillStyle = locked ? colors.lock : (layout.color[av.id] ?? colors.muted);
    const w = Math.max(px, locked ? 4 * px : 1.5);
    ctx.globalAlpha = faint && !locked ? 0.25 : 1;
    ctx.fillRect(
      x - w / 2,
      Math.max(layout.rowsTop, y0),
      w,
      Math.min(layout.rowsBottom, y1) - Math.max(layout.rowsTop, y0),
    );
    stats.columns++;
  }
  ctx.globalAlpha = 1;
  const columnLabels = COLUMN_PITCH * t.k >= 40 ? view.anonVmas : [];

  const mark = Math.max(1.5 * px, Math.min(8, 3 * px));
  const showLabels = ROW_PITCH * t.k >= LABEL_MIN_ROW_PX;
  // Labels are drawn afterwards in screen pixels, pinned to the pane's left edge, so they stay
  // readable at any zoom and in view while panning sideways.
  const labels: { text: string; y: number; bold: boolean }[] = [];
  const raster = rasterFor(target, view, t, 2 * mark * t.k * dpr);
  for (const proc of view.processes) {
    const band = layout.processBand[proc.pid];
    if (!band || band.y > y1 || band.y + band.height < y0) continue;
    if (showLabels) labels.push({ text: proc.pid, y: band.y + 14, bold: true });
    for (const vma of proc.vmas) {
      const y = layout.vmaY[vma.id];
      if (y === undefined || y < y0 || y > y1) continue;
      stats.rows++;
      if (rowLines) {
        ctx.fillStyle = colors.muted;
        let end = layout.stripX + layout.stripWidth;
        for (const id of vma.chain) end = Math.max(end, layout.columnX[id] ?? 0);
        ctx.fillRect(layout.stripX, y - px / 2, end - layout.stripX, px);
      }
      for (const id of vma.chain) {
        const x = layout.columnX[id];
        if (x === undefined || x < x0 || x > x1) continue;
        stats.marks++;
        if (raster) {
          raster.mark(x, y, layout.color[id] ?? colors.fg);
          continue;
        }
        ctx.fillStyle = layout.color[id] ?? colors.fg;
        ctx.fillRect(x - mark, y - mark, 2 * mark, 2 * mark);
      }
      if (showLabels) labels.push({ text: vma.id, y, bold: false });
    }
  }

  raster?.draw();

  const byPid = new Map(view.processes.map((p) => [p.pid, p]));
  for (const pg of view.pages) {
    const proc = byPid.get(pg.pid);
    const vma = proc?.vmas.find((v) => v.start <= pg.addr && pg.addr < v.end);
    const y = vma ? layout.vmaY[vma.id] : undefined;
    if (y === undefined || y < y0 || y > y1) continue;
    const x = layout.pageX(pg.addr);
    ctx.fillStyle = pg.anonVma ? (layout.color[pg.anonVma] ?? colors.fg) : colors.muted;
    ctx.fillRect(x, y - 4, Math.max(px, layout.cell - px), 8);
    stats.marks++;
  }

  if (labels.length > 0 || columnLabels.length > 0) {
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    // anon_vma names above their columns, pinned to the top while scrolling down
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    ctx.font = '700 11px system-ui, sans-serif';
    const top = Math.max(4, (layout.rowsTop - 18) * t.k + t.y);
    for (const av of columnLabels) {
      const x = layout.columnX[av.id];
      if (x === undefined || x < x0 || x > x1) continue;
      ctx.fillStyle = av.lockedBy.length > 0 ? colors.lock : colors.fg;
      ctx.fillText(av.id, x * t.k + t.x, top);
    }
    ctx.textAlign = 'start';
    ctx.textBaseline = 'middle';
    ctx.fillStyle = colors.fg;
    const left = Math.max(6, t.x + 16 * t.k);
    for (const label of labels) {
      ctx.font = `${label.bold ? '700 ' : ''}12px system-ui, sans-serif`;
      ctx.fillText(label.text, label.bold ? left : left + 8, label.y * t.k + t.y);
    }
  }
  return stats;
}

/** Past this many AVC marks, each at most RASTER_MAX_PX device pixels wide, marks are rastered. */
const RASTER_MIN_MARKS = 20_000;
const RASTER_MAX_PX = 3;

/** `#rrggbb` as little-endian RGBA (ImageData's order), or null for another notation. */
function rgba(css: string): number | null {
  const m = /^#([0-9a-f]{6})$/i.exec(css);
  if (!m) return null;
  const n = parseInt(m[1]!, 16);
  return (0xff << 24) | ((n & 0xff) << 16) | (n & 0xff00) | ((n >> 16) & 0xff);
}

/**
 * Half a million AVC marks a pixel or two wide (a 1,000-deep fork chain seen whole) cost a
 * second as fillRect calls, most of it in switching colours: they are written into a pixel
 * buffer instead, then drawn over the columns in one drawImage.
 */
function rasterFor(target: DrawTarget, view: ViewState, t: Transform, sizePx: number) {
  if (sizePx > RASTER_MAX_PX || typeof OffscreenCanvas === 'undefined') return null;
  let marks = 0;
  for (const proc of view.processes) for (const vma of proc.vmas) marks += vma.chain.length;
  if (marks < RASTER_MIN_MARKS) return null;
  const { ctx, dpr } = target;
  const w = Math.round(target.width * dpr);
  const h = Math.round(target.height * dpr);
  if (w <= 0 || h <= 0) return null;
  const pixels = new Uint32Array(w * h);
  const size = Math.max(1, Math.round(sizePx));
  const half = size >> 1;
  const colors = new Map<string, number | null>();
  return {
    mark(x: number, y: number, css: string) {
      let c = colors.get(css);
      if (c === undefined) {
        c = rgba(css);
        colors.set(css, c);
      }
      if (c === null) return;
      const px = Math.round((x * t.k + t.x) * dpr) - half;
      const py = Math.round((y * t.k + t.y) * dpr) - half;
      for (let j = Math.max(0, py); j < Math.min(h, py + size); j++)
        for (let i = Math.max(0, px); i < Math.min(w, px + size); i++) pixels[j * w + i] = c;
    },
    draw() {
      const off = new OffscreenCanvas(w, h);
      const octx = off.getContext('2d');
      if (!octx) return;
      octx.putImageData(new ImageData(new Uint8ClampedArray(pixels.buffer), w, h), 0, 0);
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.drawImage(off, 0, 0);
      ctx.setTransform(dpr * t.k, 0, 0, dpr * t.k, dpr * t.x, dpr * t.y);
    },
  };
}
