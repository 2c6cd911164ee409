// The per-CPU strip beside the graph (Contract 4: one element per CPU, data-kind="cpu"): what
// each CPU is doing, which locks it holds (W/R and whose) and which it waits for, in words.
import { memo, useMemo } from 'react';
import type { ViewState } from '../../kernel';
import { CpuGlyph, cpuName } from '../graph/cpu';
import { cpuColor, cpuInk } from '../theme/cpuPalette';
import { cpuWords, type LockLine } from './cpuWords';
import './cpus.css';

export interface CpuStripProps {
  view: ViewState;
  /** CPUs the trace uses (1 + the highest CPU of any step) */
  cpus: number;
}

function Lock({ l, waiting = false }: { l: LockLine; waiting?: boolean }) {
  return (
    <li
      className={`cpu-lock${waiting ? ' is-waiting' : ''}`}
      data-lock={l.owner}
      data-mode={l.mode}
      title={`${l.words}, ${waiting ? 'asked' : 'held'} ${l.modeWords}`}
    >
      <span className={`cpu-lock-mode is-${l.mode}`} aria-label={l.modeWords}>
        {l.badge}
      </span>{' '}
      {l.words}
    </li>
  );
}

function CpuStripImpl({ view, cpus }: CpuStripProps) {
  const rows = useMemo(() => cpuWords(view, cpus), [view, cpus]);
  return (
    <section className="cpu-strip" aria-label="What each CPU holds and waits for">
      {rows.map((r) => (
        <div
          key={r.cpu}
          className={`cpu-card is-${r.state}`}
          data-kind="cpu"
          data-id={cpuName(r.cpu)}
          data-state={r.state}
          style={{ borderColor: cpuColor(r.cpu) }}
        >
          <div className="cpu-card-head">
            <svg width={14} height={14} viewBox="0 0 14 14" aria-hidden="true">
              <CpuGlyph cpu={r.cpu} x={7} y={7} r={5.5} />
            </svg>
            <strong style={{ color: cpuInk(r.cpu) }}>{cpuName(r.cpu)}</strong>
            <span className="cpu-doing">{r.doing}</span>
          </div>
          <div className="cpu-locks">
            <span className="cpu-locks-label">holds</span>
            {r.holds.length === 0 ? (
              <span className="cpu-none">no lock</span>
            ) : (
              <ul className="cpu-holds">
                {r.holds.map((l, i) => (
                  <Lock key={`${l.owner}#${i}`} l={l} />
                ))}
              </ul>
            )}
          </div>
          {r.waitsFor && (
            <div className="cpu-locks">
              <span className="cpu-locks-label">waits for</span>
              <ul className="cpu-waits">
                <Lock l={r.waitsFor} waiting />
              </ul>
            </div>
          )}
        </div>
      ))}
    </section>
  );
}

export const CpuStrip = memo(CpuStripImpl);
