// Around the graph pane: the Matrix / Pointers toggle above it, the legend below it (so the graph
// stays near the top of the page), and the `data-view` e2e tests and embeds read.
import type { ReactNode } from 'react';
import { useAppStore } from '../../store';
import type { GraphView } from '../../store/selectionSlice';
import { GraphLegend } from './GraphLegend';

const VIEWS: { id: GraphView; label: string; hint: string }[] = [
  { id: 'matrix', label: 'Matrix', hint: 'AVC matrix: VMAs × anon_vmas' },
  { id: 'pointers', label: 'Pointers', hint: 'the linked lists as boxes and arrows' },
];

export interface GraphFrameProps {
  cpus: number;
  /** the replay has anon_vma_chains (2.6.34 on): the legend explains the dots, else the arrows */
  avc?: boolean;
  children: ReactNode;
  /** beside the graph pane, never over it: the per-CPU strip */
  side?: ReactNode;
}

export function GraphFrame({ cpus, avc = true, children, side }: GraphFrameProps) {
  const graphView = useAppStore((s) => s.graphView);
  const setGraphView = useAppStore((s) => s.setGraphView);
  return (
    <div className="graph-frame" data-view={graphView} data-testid="graph-frame">
      <div className="graph-toolbar">
        <div className="graph-view-toggle" role="group" aria-label="Graph drawing">
          {VIEWS.map((v) => (
            <button
              key={v.id}
              type="button"
              aria-pressed={graphView === v.id}
              title={v.hint}
              onClick={() => setGraphView(v.id)}
            >
              {v.label}
            </button>
          ))}
        </div>
      </div>
      {side ? (
        <div className="graph-stage">
          <div className="graph-stage-pane">{children}</div>
          <div className="graph-stage-side">{side}</div>
        </div>
      ) : (
        children
      )}
      <GraphLegend view={graphView} cpus={cpus} avc={avc} />
    </div>
  );
}
