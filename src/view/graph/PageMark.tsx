// Pages. A page-table entry (Contract 4 `page`, id `pid:addr`) is a cell in its VMA's strip,
// coloured by the anon_vma its page points to; a physical page is one mark on that anon_vma's
// shelf, whatever the number of processes mapping it, linked to each entry that maps it. A
// migration entry is hatched, dashed and labelled M.
import { memo } from 'react';
import { useAppStore } from '../../store';
import { GEOMETRY } from '../layout/matrixLayout';
import { CpuGlyph } from './cpu';
import type { LinkScene, PfnScene, PteScene } from './matrixScene';
import { useObjectHandlers } from './useObjectHandlers';

const pfnHover = (pfn: number) => `pfn:${pfn}`;

/** `, page locked by cpu0; cpu1 waits for it`, for a title. */
function lockWords(locked: string, waiting = ''): string {
  const held = locked ? `, page locked by ${locked}` : '';
  return waiting
    ? `${held}; ${waiting} ${waiting.includes(' ') ? 'wait' : 'waits'} for its lock`
    : held;
}

/** The first CPU of a `cpu0 cpu1` list, for its glyph. */
const firstCpu = (list: string) => Number(list.split(' ')[0]?.slice(3) ?? 0);

function PteMarkImpl(p: PteScene) {
  const lit = useAppStore((s) => s.hovered === pfnHover(p.page));
  const handlers = useObjectHandlers(
    'page',
    p.id,
    `page-table entry ${p.id} → page ${p.page}${p.migration ? ' (migration entry)' : ''}, anon_vma ${p.anonVma ?? 'none'}${lockWords(p.locked, p.waiting)}`,
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
    p.locked && 'is-locked',
    p.waiting && 'is-awaited',
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
      data-locked={p.locked || undefined}
      data-waiting={p.waiting || undefined}
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
      {(p.locked || p.waiting) && (
        <rect
          className="page-lock-ring"
          x={p.x - 1}
          y={p.y - h / 2 - 2}
          width={w + 4}
          height={h + 4}
          rx={3}
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
      className={`pfn${p.migration ? ' is-migration' : ''}${lit ? ' is-hovered' : ''}${p.locked ? ' is-locked' : ''}`}
      data-pfn={p.pfn}
      data-ptes={p.ptes}
      data-anon-vma={p.anonVma}
      data-locked={p.locked || undefined}
      onPointerEnter={() => setHovered(pfnHover(p.pfn))}
      onPointerLeave={() => setHovered(null)}
    >
      <title>{`page ${p.pfn}: mapping = ${p.anonVma}; mapped by ${p.ptes.split(' ').join(', ')}${p.migration ? ' (migration entry)' : ''}${lockWords(p.locked)}`}</title>
      {p.locked && (
        <rect
          className="page-lock-ring"
          x={p.x - size / 2 - 3}
          y={p.y - size / 2 - 3}
          width={size + 6}
          height={size + 6}
          rx={4}
        />
      )}
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
      {p.locked && (
        <CpuGlyph cpu={firstCpu(p.locked)} x={p.x + size / 2 + 2} y={p.y - size / 2 - 1} r={4} />
      )}
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
