// "Metrics": the small charts of the session on screen, in a box that can be folded away. The
// charts (and the replays under other eras they compare with) are only computed while open.
import { useState } from 'react';
import type { Session } from '../../session/session';
import { MetricsCharts } from './MetricsCharts';
import './metrics.css';

export function MetricsPanel({ session }: { session: Session }) {
  const [open, setOpen] = useState(true);
  return (
    <section className="panel metrics-panel" data-testid="metrics" aria-labelledby="metrics-title">
      <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>
          <h2 id="metrics-title">Metrics</h2>
        </summary>
        {open &&
          (session.ok ? (
            <MetricsCharts session={session} />
          ) : (
            <p className="metric-reading">No trace: the scenario did not replay.</p>
          ))}
      </details>
    </section>
  );
}
