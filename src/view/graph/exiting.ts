// Objects that just left the graph (freed by the step, or not yet born when stepping back): the
// matrix draws a fading ghost where each was, so a step reads as an exit rather than a redraw.
// Ghosts carry no Contract 4 attributes: they are not objects of the state shown.
import type { MatrixScene } from './matrixScene';

export interface Ghost {
  key: string;
  shape: 'avc' | 'anon_vma' | 'page';
  x: number;
  y: number;
  color: string;
}

/** What `prev` drew that `next` does not, where `prev` drew it. */
export function exitingObjects(prev: MatrixScene, next: MatrixScene): Ghost[] {
  const gone = <T>(list: readonly T[], id: (t: T) => string, now: readonly T[]) => {
    const keep = new Set(now.map(id));
    return list.filter((t) => !keep.has(id(t)));
  };
  return [
    ...gone(prev.avcs, (a) => a.id, next.avcs).map((a): Ghost => ({
      key: `avc:${a.id}`,
      shape: 'avc',
      x: a.x,
      y: a.y,
      color: a.color,
    })),
    ...gone(prev.columns, (c) => c.id, next.columns).map((c): Ghost => ({
      key: `av:${c.id}`,
      shape: 'anon_vma',
      x: c.x,
      y: c.nodeY,
      color: c.color,
    })),
    ...gone(prev.ptes, (p) => p.id, next.ptes).map((p): Ghost => ({
      key: `pte:${p.id}`,
      shape: 'page',
      x: p.x,
      y: p.y,
      color: p.color,
    })),
  ];
}
