// Around the graph pane: the Matrix / Pointers toggle, the pane's zoom buttons and the dock's
// show/hide button in one row above it, and the `data-view` e2e tests and embeds read. The pane
// takes the rest of the frame's height (the stage gives the frame the viewport's height); the
// legend lives in the dock beside.
import { useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { useAppStore } from '../../store';
import type { GraphView } from '../../store/selectionSlice';
import { ZoomControlsSlot } from '../zoom/controlsSlot';

const VIEWS: { id: GraphView; label: string; hint: string }[] = [
  { id: 'matrix', label: 'Matrix', hint: 'AVC matrix: VMAs × anon_vmas' },
  { id: 'pointers', label: 'Pointers', hint: 'the linked lists as boxes and arrows' },
];

export interface GraphFrameProps {
  children: ReactNode;
  /** the dock beside the graph: whether it shows, and how to fold or unfold it (absent: no dock) */
  dock?: { open: boolean; toggle: () => void; id: string } | undefined;
}

export function GraphFrame({ children, dock }: GraphFrameProps) {
  const graphView = useAppStore((s) => s.graphView);
  const setGraphView = useAppStore((s) => s.setGraphView);
  // The pane's zoom buttons go in this row, beside the toggles: never over the drawing.
  const [slotEl, setSlotEl] = useState<HTMLElement | null>(null);
  const slot = useMemo(() => ({ present: true, el: slotEl }), [slotEl]);
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
        <div className="graph-zoom-slot" ref={setSlotEl} />
        {dock && (
          <button
            type="button"
            className="dock-toggle"
            data-testid="dock-toggle"
            aria-expanded={dock.open}
            aria-controls={dock.id}
            onClick={dock.toggle}
          >
            {dock.open ? 'Hide panels ▸' : '◂ Show panels'}
          </button>
        )}
      </div>
      <ZoomControlsSlot.Provider value={slot}>{children}</ZoomControlsSlot.Provider>
    </div>
  );
}
