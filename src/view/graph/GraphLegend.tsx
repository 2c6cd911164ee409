// What the marks of the graph mean, in a disclosure that a phone can fold away.
import { memo, useState } from 'react';
import type { ReactNode } from 'react';
import type { GraphView } from '../../store/selectionSlice';
import { CpuChip } from './cpu';
import './legend.css';

function Swatch({ children, w = 28 }: { children: ReactNode; w?: number }) {
  return (
    <svg className="legend-swatch" width={w} height={24} viewBox={`0 0 ${w} 24`} aria-hidden="true">
      {children}
    </svg>
  );
}

function GraphLegendImpl({ view, cpus }: { view: GraphView; cpus: number }) {
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
          <>
            <li>
              <Swatch>
                <circle className="lg-avc" cx={14} cy={12} r={9} />
                <text x={14} y={12} dy="0.35em" textAnchor="middle">
                  2
                </text>
              </Swatch>
              AVC: 2nd on its VMA’s same_vma list (row, head → root)
            </li>
            <li>
              <Swatch>
                <text x={2} y={12} dy="0.35em" className="lg-strong">
                  ↓3
                </text>
              </Swatch>
              3rd on its anon_vma’s same_anon_vma list (column, dashed); ∉ missing from it
            </li>
            <li>
              <Swatch>
                <circle className="lg-avc is-own" cx={14} cy={12} r={9} />
              </Swatch>
              filled: the VMA’s own anon_vma
            </li>
            <li>
              <Swatch>
                <circle className="lg-avc" cx={14} cy={12} r={7} />
                <circle className="lg-avc" cx={14} cy={12} r={10} />
              </Swatch>
              root anon_vma; lines above: parent (solid) / root (dotted) pointers
            </li>
            <li>
              <Swatch>
                <rect className="lg-page" x={5} y={4} width={16} height={16} rx={3} />
              </Swatch>
              physical page on its anon_vma, linked to the PTEs mapping it
            </li>
          </>
        ) : (
          <li>
            <Swatch w={40}>
              <path className="lg-line" d="M2,12 H36" markerEnd="url(#avf-arrow)" />
            </Swatch>
            same_vma (solid) and same_anon_vma (dashed) lists
          </li>
        )}
        <li>
          <Swatch>
            <rect x={4} y={4} width={18} height={16} rx={2} className="lg-migration" />
            <text x={13} y={12} dy="0.35em" textAnchor="middle">
              M
            </text>
          </Swatch>
          migration entry
        </li>
        <li>
          <Swatch>
            <circle className="lg-changed" cx={14} cy={12} r={9} />
          </Swatch>
          changed by this step
        </li>
        <li>
          <Swatch>
            <circle className="lg-violation" cx={14} cy={12} r={9} />
          </Swatch>
          named by a violation
        </li>
        <li className="legend-cpus">
          <Swatch w={48 * cpuIds.length}>
            {cpuIds.map((c) => (
              <CpuChip key={c} cpu={c} x={1 + 48 * c} y={12} />
            ))}
          </Swatch>
          lock holder (W write, R read); dashed: waiting
        </li>
      </ul>
    </details>
  );
}

export const GraphLegend = memo(GraphLegendImpl);
