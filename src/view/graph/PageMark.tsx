// Pages. A page-table entry (Contract 4 `page`, id `pid:addr`) is a cell in its VMA's strip,
// coloured by the anon_vma its page points to; a physical page is one mark on that anon_vma's
// shelf, whatever the number of processes mapping it, linked to each entry that maps it. A
// migration entry is hatched, dashed and labelled M.
import { memo } from 'react';
import { useAppStore } from '../../store';
import { GEOMETRY } from '../layout/matrixLayout';
import type { LinkScene, PfnScene, PteScene } from './matrixScene';
import { useObjectHandlers } from './useObjectHandlers';

const pfnHover = (pfn: number) => `pfn:${pfn}`;

function PteMarkImpl(p: PteScene) {
  const lit = useAppStore((s) => s.hovered === pfnHover(p.page));
  const handlers = useObjectHandlers(
    'page',
    p.id,
    `page-table entry ${p.id} → page ${p.page}${p.migration ? ' (migration entry)' : ''}, anon_vma ${p.anonVma ?? 'none'}`,
    pfnHover(p.page),
  );
  const h = 16;
  const cls = [
    'page',
    p.migration && 'is-migration',
    !p.anonVma && 'is-orphan',
    lit && 'is-hovered',
    p.changed && 'is-changed',
    p.violated && 'is-violated',
  ]
    .filter(Boolean)
    .join(' ');
  const w = Math.max(1, p.width - 2);
  return (
    <g
      data-kind="page"
      data-id={p.id}
      data-pfn={p.page}
      data-migration={p.migration ? 'true' : undefined}
      data-changed={p.changed ? 'true' : undefined}
      data-violation={p.violated ? 'true' : undefined}
      className={cls}
      {...handlers}
    >
      <title>{handlers['aria-label']}</title>
      {(p.changed || p.violated) && (
        <rect
          className="halo"
          x={p.x - 2}
          y={p.y - h / 2 - 3}
          width={w + 6}
          height={h + 6}
          rx={4}
        />
      )}
      <rect
        x={p.x + 1}
        y={p.y - h / 2}
        width={w}
        height={h}
        rx={2}
        fill={p.migration ? 'url(#avf-hatch)' : p.color}
        stroke={p.color}
      />
      {p.width >= 12 && (
        <text x={p.x + p.width / 2} y={p.y} dy="0.35em" textAnchor="middle">
          {p.migration ? 'M' : p.page < 100 ? p.page : ''}
        </text>
      )}
    </g>
  );
}

export const PteMark = memo(PteMarkImpl);

/** One physical page on its anon_vma's shelf (page->mapping); not a Contract 4 object. */
function PfnMarkImpl(p: PfnScene) {
  const lit = useAppStore((s) => s.hovered === pfnHover(p.pfn));
  const setHovered = useAppStore((s) => s.setHovered);
  const size = GEOMETRY.pfnSize;
  return (
    <g
      className={`pfn${p.migration ? ' is-migration' : ''}${lit ? ' is-hovered' : ''}`}
      data-pfn={p.pfn}
      data-ptes={p.ptes}
      data-anon-vma={p.anonVma}
      onPointerEnter={() => setHovered(pfnHover(p.pfn))}
      onPointerLeave={() => setHovered(null)}
    >
      <title>{`page ${p.pfn}: mapping = ${p.anonVma}; mapped by ${p.ptes.split(' ').join(', ')}${p.migration ? ' (migration entry)' : ''}`}</title>
      <rect
        x={p.x - size / 2}
        y={p.y - size / 2}
        width={size}
        height={size}
        rx={3}
        fill={p.migration ? 'url(#avf-hatch)' : p.color}
        stroke={p.color}
      />
      <text x={p.x} y={p.y} dy="0.35em" textAnchor="middle">
        {p.pfn < 1000 ? p.pfn : '…'}
      </text>
    </g>
  );
}

export const PfnMark = memo(PfnMarkImpl);

/** From a physical page to one page-table entry mapping it. */
function PageLinkImpl(p: LinkScene) {
  const lit = useAppStore((s) => s.hovered === pfnHover(p.pfn));
  const midY = (p.y1 + p.y2) / 2;
  return (
    <path
      className={`page-link${p.migration ? ' is-migration' : ''}${lit ? ' is-hovered' : ''}`}
      data-link={`${p.pfn}->${p.id}`}
      d={`M${p.x1},${p.y1} C${p.x1},${midY} ${p.x2},${midY} ${p.x2},${p.y2}`}
      aria-hidden="true"
    />
  );
}

export const PageLink = memo(PageLinkImpl);
