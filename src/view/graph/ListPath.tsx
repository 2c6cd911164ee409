// One kernel list drawn through its entries in order: the same_vma list along a VMA's row (from
// the VMA, head to tail) or the same_anon_vma list down an anon_vma's column. A hop that goes
// forward is straight; one that goes back bows out, so the order stays readable whatever the
// columns' or rows' order. Lit when the pointer is over the list's owner or one of its AVCs.
import { memo } from 'react';
import type { CSSProperties } from 'react';
import { useAppStore } from '../../store';
import type { ListScene } from './matrixScene';
import { highlightKey, lightsAnonVma, lightsVma } from './useObjectHandlers';

export interface ListPathProps extends ListScene {
  list: 'same_vma' | 'same_anon_vma';
}

function parse(points: string): [number, number][] {
  return points.split(' ').map((pt) => {
    const [x, y] = pt.split(',').map(Number);
    return [x ?? 0, y ?? 0];
  });
}

/** The path of one hop from a to b; `across` is true for a row (x grows along the list). */
export function hopPath(
  a: [number, number],
  b: [number, number],
  across: boolean,
  i: number,
): string {
  const [ax, ay] = a;
  const [bx, by] = b;
  const forward = across ? bx > ax : by > ay;
  const r = 13;
  if (across) {
    if (forward) return `M${ax + (i ? r : 0)},${ay} H${bx - r}`;
    const bow = 22 + 4 * (i % 3);
    return `M${ax},${ay + r} C${ax},${ay + bow} ${bx},${by + bow} ${bx},${by + r}`;
  }
  if (forward) return `M${ax},${ay + (i ? r : 0)} V${by - r}`;
  const bow = 26 + 6 * (i % 3);
  return `M${ax + r},${ay} C${ax + bow},${ay} ${bx + bow},${by} ${bx + r},${by}`;
}

/** The list's colour as a CSS variable, so the hover style can still override it. */
export const listColor = (color: string | undefined): CSSProperties | undefined =>
  color === undefined ? undefined : ({ '--list-color': color } as CSSProperties);

function ListPathImpl({ owner, points, list, color }: ListPathProps) {
  const lit = useAppStore((s) =>
    list === 'same_vma' ? lightsVma(highlightKey(s), owner) : lightsAnonVma(highlightKey(s), owner),
  );
  const pts = parse(points);
  const hops = pts.slice(1).map((b, i) => hopPath(pts[i] ?? b, b, list === 'same_vma', i));
  return (
    <g
      className={`list-path is-${list}${lit ? ' is-hovered' : ''}`}
      data-list={list}
      data-owner={owner}
      data-highlight={lit ? 'true' : undefined}
      style={listColor(color)}
      aria-hidden="true"
    >
      {hops.map((d, i) => (
        <path key={i} d={d} markerEnd="url(#avf-arrow)" />
      ))}
    </g>
  );
}

export const ListPath = memo(ListPathImpl);
