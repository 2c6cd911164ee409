// A page-table entry in the pointer view: a cell under its VMA's box, hatched for a migration entry.
import { memo } from 'react';
import { useObjectHandlers } from '../graph/useObjectHandlers';
import { classes, flags } from './ptrAttrs';
import type { BoxProps } from './ptrAttrs';

export interface PtrPageProps extends BoxProps {
  page: number;
  anonVma: string | null;
  migration: boolean;
  color: string;
  /** `cpu0`: holders of the page's lock; `cpu1`: CPUs waiting for it */
  locked: string;
  waiting: string;
}

function PtrPageImpl(p: PtrPageProps) {
  const handlers = useObjectHandlers(
    'page',
    p.id,
    `page-table entry ${p.id} → page ${p.page}${p.migration ? ' (migration entry)' : ''}${p.locked ? `, page locked by ${p.locked}` : ''}${p.waiting ? `, ${p.waiting} waiting for its lock` : ''}`,
    `pfn:${p.page}`,
  );
  return (
    <g
      data-kind="page"
      data-id={p.id}
      data-pfn={p.page}
      data-migration={p.migration ? 'true' : undefined}
      data-locked={p.locked || undefined}
      data-waiting={p.waiting || undefined}
      {...flags(p.changed, p.violated)}
      className={classes(
        'ptr-box ptr-page',
        p.locked && 'is-locked',
        p.waiting && 'is-awaited',
        p.migration && 'is-migration',
        p.changed && 'is-changed',
        p.violated && 'is-violated',
      )}
      {...handlers}
    >
      {(p.changed || p.violated) && (
        <rect className="halo" x={p.x - 2} y={p.y - 2} width={p.w + 4} height={p.h + 4} rx={3} />
      )}
      {(p.locked || p.waiting) && (
        <rect
          className="page-lock-ring"
          x={p.x - 2}
          y={p.y - 2}
          width={p.w + 4}
          height={p.h + 4}
          rx={3}
        />
      )}
      <rect
        x={p.x}
        y={p.y}
        width={p.w}
        height={p.h}
        rx={2}
        style={{ fill: p.migration ? 'url(#avf-hatch)' : p.color, stroke: p.color }}
      />
      {p.w >= 12 && (
        <text x={p.x + p.w / 2} y={p.y + p.h / 2} dy="0.35em" textAnchor="middle">
          {p.migration ? 'M' : p.page < 100 ? p.page : ''}
        </text>
      )}
    </g>
  );
}

export const PtrPage = memo(PtrPageImpl);
