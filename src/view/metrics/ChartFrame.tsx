// One small chart: its title, a one-line reading, a legend in words, the SVG (role img, named by
// its title and reading) in a box that scrolls on a narrow screen, and the same numbers as a
// table for screen readers and for anyone who wants them exact.
import { useId } from 'react';
import type { ReactNode } from 'react';
import type { ChartSeries } from './chartData';
import { DASHES } from './chartLayout';

export type ChartKey = 'locks' | 'chains' | 'walks' | 'families';

export interface ChartTable {
  /** header of the row-label column */
  rowHead: string;
  columns: readonly { key: string; label: string }[];
  rows: readonly { key: string; label: string; cells: readonly (number | null)[] }[];
}

export interface ChartFrameProps {
  chart: ChartKey;
  title: string;
  /** what the chart shows, in one sentence (the SVG's description) */
  reading: string;
  series: readonly ChartSeries[];
  width: number;
  height: number;
  table: ChartTable;
  /** a note under the chart (what was left out, why a comparison is missing) */
  note?: string | undefined;
  /** the legend shows line samples (dashed by series order) instead of swatches */
  lines?: boolean;
  children: ReactNode;
}

export function ChartFrame(props: ChartFrameProps) {
  const { chart, title, reading, series, width, height, table, note, lines, children } = props;
  const id = useId();
  return (
    <figure className="metric-chart" data-chart={chart} aria-labelledby={`${id}-t`}>
      <figcaption>
        <h3 id={`${id}-t`}>{title}</h3>
        <p className="metric-reading">{reading}</p>
      </figcaption>
      {series.length > 1 && (
        <ul className="metric-legend" aria-label="Legend">
          {series.map((s, i) => (
            <li key={s.key} data-series={s.key}>
              <svg width={lines ? 22 : 12} height="12" aria-hidden="true">
                {lines ? (
                  <line
                    className={`metric-stroke-${s.tone}`}
                    x1="1"
                    x2="21"
                    y1="6"
                    y2="6"
                    strokeDasharray={DASHES[i % DASHES.length] || undefined}
                  />
                ) : (
                  <rect className={`metric-tone-${s.tone}`} width="12" height="12" rx="2" />
                )}
              </svg>
              {s.label}
            </li>
          ))}
        </ul>
      )}
      <div className="metric-scroll">
        <svg
          className="metric-svg"
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
          role="img"
          aria-labelledby={`${id}-st ${id}-sd`}
        >
          <title id={`${id}-st`}>{title}</title>
          <desc id={`${id}-sd`}>{reading}</desc>
          {children}
        </svg>
      </div>
      {note && <p className="metric-note">{note}</p>}
      <details className="metric-table">
        <summary>{`${title}: the numbers`}</summary>
        <div className="metric-table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{table.rowHead}</th>
                {table.columns.map((c) => (
                  <th scope="col" key={c.key}>
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((r) => (
                <tr key={r.key}>
                  <th scope="row">{r.label}</th>
                  {r.cells.map((c, i) => (
                    <td key={table.columns[i]?.key ?? i}>{c === null ? '–' : c}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
