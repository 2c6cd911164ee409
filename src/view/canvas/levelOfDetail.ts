// When a forest is too big for one SVG element per object (a 1,000-process fork tree has ~12,000
// objects), the page draws a simplified picture on a canvas instead. This decides when.
import type { ViewState } from '../../kernel';

/** More drawn objects than this and the graph switches to the canvas. */
export const LOD_THRESHOLD = 500;

/** Objects the SVG graph would draw for `view`: processes, VMAs, anon_vmas, AVCs and PTEs. */
export function drawnObjectCount(view: ViewState): number {
  let n = view.processes.length + view.anonVmas.length + view.pages.length;
  for (const proc of view.processes) {
    n += proc.vmas.length;
    for (const vma of proc.vmas) n += Math.max(vma.chain.length, vma.anonVma ? 1 : 0);
  }
  return n;
}

export type Detail = 'svg' | 'canvas';

export const detailFor = (view: ViewState, threshold = LOD_THRESHOLD): Detail =>
  drawnObjectCount(view) > threshold ? 'canvas' : 'svg';
