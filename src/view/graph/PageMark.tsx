// A page-table entry that maps an anonymous page, in its VMA's strip, coloured by the anon_vma its
// page points to; a migration entry is drawn hollow and dashed.
import { memo } from 'react';

export interface PageMarkProps {
  /** `pid:addr` */
  id: string;
  x: number;
  y: number;
  width: number;
  page: number;
  anonVma: string | null;
  color: string;
  migration: boolean;
  /** draw the physical page number inside the cell */
  showNumber: boolean;
}

function PageMarkImpl(p: PageMarkProps) {
  const h = 14;
  const cls = `page${p.migration ? ' is-migration' : ''}${p.anonVma ? '' : ' is-orphan'}`;
  return (
    <g data-kind="page" data-id={p.id} className={cls}>
      <title>
        {`PTE ${p.id} → page #${p.page}${p.migration ? ' (migration entry)' : ''}, anon_vma ${p.anonVma ?? 'none'}`}
      </title>
      <rect
        x={p.x + 1}
        y={p.y - h / 2}
        width={Math.max(1, p.width - 2)}
        height={h}
        rx={2}
        fill={p.migration ? undefined : p.color}
        stroke={p.color}
      />
      {p.showNumber && (
        <text x={p.x + p.width / 2} y={p.y} dy="0.35em" textAnchor="middle">
          {p.page}
        </text>
      )}
    </g>
  );
}

export const PageMark = memo(PageMarkImpl);
