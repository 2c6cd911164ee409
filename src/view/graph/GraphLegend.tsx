// What the marks of the graph mean, in a disclosure that a phone can fold away. Each entry says
// it in plain words first and gives the kernel's exact term second; one glyph per meaning.
import { memo, useState } from 'react';
import type { ReactNode } from 'react';
import type { GraphView } from '../../store/selectionSlice';
import { cpuColor } from '../theme/cpuPalette';
import { CpuChip, CpuGlyph } from './cpu';
import './legend.css';

function Swatch({ children, w = 28 }: { children: ReactNode; w?: number }) {
  return (
    <svg className="legend-swatch" width={w} height={24} viewBox={`0 0 ${w} 24`} aria-hidden="true">
      {children}
    </svg>
  );
}

/** One entry: the glyph, the plain words, then the kernel's term. */
function Entry({ swatch, words, term }: { swatch: ReactNode; words: string; term?: string }) {
  return (
    <li>
      {swatch}
      <span>
        {words}
        {term && <span className="legend-term">{` — ${term}`}</span>}
      </span>
    </li>
  );
}

function MatrixEntries({ avc }: { avc: boolean }) {
  return (
    <>
      <Entry
        swatch={
          <Swatch w={40}>
            <rect className="lg-row" x={1} y={6} width={38} height={12} rx={3} />
          </Swatch>
        }
        words="a row is a VMA (a range of one process’s memory), in its process’s band"
        term="vm_area_struct"
      />
      <Entry
        swatch={
          <Swatch>
            <circle className="lg-avc" cx={14} cy={7} r={6} />
            <path className="lg-column" d="M14,13 V24" />
          </Swatch>
        }
        words="a column is an anon_vma: what a page of anonymous memory points back to"
        term="struct anon_vma; lines above link it to its parent (solid) or root (dotted)"
      />
      {avc ? (
        <>
          <Entry
            swatch={
              <Swatch>
                <circle className="lg-avc" cx={14} cy={12} r={9} />
                <text x={14} y={12} dy="0.35em" textAnchor="middle">
                  2
                </text>
              </Swatch>
            }
            words="a dot puts this VMA on that anon_vma’s list; filled: the VMA’s own anon_vma"
            term="anon_vma_chain (AVC); n: its place on the VMA’s same_vma list, ↓n: on the anon_vma’s same_anon_vma list, ∉: missing from it"
          />
        </>
      ) : (
        <Entry
          swatch={
            <Swatch>
              <path className="lg-link-stem" d="M14,21 V9" />
              <path className="lg-link-head" d="M14,2 L20,11 L8,11 Z" />
            </Swatch>
          }
          words="the VMA points straight to its anon_vma, which lists every VMA of the family"
          term="vma->anon_vma, no anon_vma_chain (before 2.6.34)"
        />
      )}
      <Entry
        swatch={
          <Swatch>
            <rect className="lg-page" x={5} y={4} width={16} height={16} rx={3} />
          </Swatch>
        }
        words="a page of memory, on its anon_vma’s shelf, linked to each entry that maps it"
        term="page->mapping; the cells in a row are page-table entries"
      />
    </>
  );
}

function GraphLegendImpl({
  view,
  cpus,
  avc = true,
}: {
  view: GraphView;
  cpus: number;
  avc?: boolean;
}) {
  const cpuIds = Array.from({ length: Math.max(1, cpus) }, (_, i) => i);
  // Folded on a phone, where it would push the graph below the fold.
  const [open, setOpen] = useState(
    () => typeof window === 'undefined' || !window.matchMedia?.('(max-width: 720px)').matches,
  );
  return (
    <details className="graph-legend" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Legend</summary>
      <ul>
        {view === 'matrix' ? (
          <MatrixEntries avc={avc} />
        ) : (
          <Entry
            swatch={
              <Swatch w={40}>
                <path className="lg-line" d="M2,12 H36" markerEnd="url(#avf-arrow)" />
              </Swatch>
            }
            words="a box is a kernel object; solid arrows: a VMA’s list of its links, dashed: an anon_vma’s list of VMAs (one lane each)"
            term="same_vma and same_anon_vma lists of anon_vma_chain boxes"
          />
        )}
        <Entry
          swatch={
            <Swatch w={52}>
              <rect className="lg-lock" x={2} y={3} width={14} height={18} rx={3} />
              <CpuChip cpu={0} x={19} y={12} />
            </Swatch>
          }
          words="a lock held: red outline, W (write) or R (read) and the CPU holding it; dashed: a CPU waiting"
          term="anon_vma lock, mmap_sem / mmap_lock on a process, page lock, per-VMA lock"
        />
        <Entry
          swatch={
            <Swatch w={40}>
              <path d="M2,6 L10,12 L2,18 Z" style={{ fill: cpuColor(0) }} />
              <circle className="lg-walker" cx={24} cy={12} r={9} style={{ stroke: cpuColor(0) }} />
              <CpuGlyph cpu={0} x={24} y={12} r={3.5} />
            </Swatch>
          }
          words="a CPU walking an anon_vma’s list: its ring sits on the VMA it visits and moves row to row"
          term="rmap walk (try_to_unmap, remove_migration_ptes); the row carries data-visiting"
        />
        <Entry
          swatch={
            <Swatch>
              <rect x={4} y={4} width={18} height={16} rx={2} className="lg-migration" />
              <text x={13} y={12} dy="0.35em" textAnchor="middle">
                M
              </text>
            </Swatch>
          }
          words="a page being moved"
          term="migration entry"
        />
        <Entry
          swatch={
            <Swatch>
              <circle className="lg-changed" cx={14} cy={12} r={9} />
            </Swatch>
          }
          words="changed by this step"
        />
        <Entry
          swatch={
            <Swatch>
              <circle className="lg-violation" cx={14} cy={12} r={9} />
            </Swatch>
          }
          words="named by a violation"
        />
        <li className="legend-cpus">
          <Swatch w={48 * cpuIds.length}>
            {cpuIds.map((c) => (
              <CpuChip key={c} cpu={c} x={1 + 48 * c} y={12} />
            ))}
          </Swatch>
          <span>each CPU: its colour, shape and name</span>
        </li>
      </ul>
    </details>
  );
}

export const GraphLegend = memo(GraphLegendImpl);
