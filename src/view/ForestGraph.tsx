// The AVC matrix of one ViewState (Contract 4): rows are VMAs grouped by process, columns are live
// anon_vmas, a circle at each crossing is an anon_vma_chain, and page-table entries are small marks
// in each VMA's page strip. The layout is given (computed once per trace); React renders it.
import type { ViewState } from '../kernel/view';
import { AnonVmaColumn } from './graph/AnonVmaColumn';
import { AnonVmaLink, AvcMark } from './graph/AvcMark';
import { PageMark } from './graph/PageMark';
import { ProcessBand } from './graph/ProcessBand';
import { VmaRow } from './graph/VmaRow';
import { GEOMETRY } from './layout/matrixLayout';
import type { MatrixLayout } from './layout/matrixLayout';
import './graph/graph.css';

export interface ForestGraphProps {
  view: ViewState;
  layout: MatrixLayout;
  /** what to say when no process is alive */
  emptyText?: string;
}

const NO_COLOR = '#6b7280';
const cpus = (list: readonly number[]) => list.map((c) => `cpu${c}`).join(' ');

export function ForestGraph({ view, layout, emptyText = 'No live process.' }: ForestGraphProps) {
  const { columnX, vmaY, color } = layout;
  const columnTop = GEOMETRY.margin;
  const vmas = view.processes.flatMap((proc) => proc.vmas);
  const vmaOfPage = (pid: string, addr: number) =>
    view.processes
      .find((proc) => proc.pid === pid)
      ?.vmas.find((v) => v.start <= addr && addr < v.end);

  return (
    <svg
      className="forest-graph"
      data-testid="forest-graph"
      data-era={view.era}
      role="img"
      aria-label={`anon_vma forest: ${view.processes.length} processes, ${vmas.length} VMAs, ${view.anonVmas.length} anon_vmas`}
      width={layout.width}
      height={layout.height}
      viewBox={`0 0 ${layout.width} ${layout.height}`}
    >
      <g className="layer-processes">
        {view.processes.map((proc) => {
          const band = layout.processBand[proc.pid];
          if (!band) return null;
          return (
            <ProcessBand
              key={proc.pid}
              pid={proc.pid}
              parent={proc.parent}
              y={band.y}
              height={band.height}
              width={layout.width}
            />
          );
        })}
      </g>
      <g className="layer-columns">
        {view.anonVmas.map((av) => (
          <AnonVmaColumn
            key={av.id}
            id={av.id}
            x={columnX[av.id] ?? 0}
            top={columnTop}
            bottom={layout.rowsBottom}
            color={color[av.id] ?? NO_COLOR}
            root={av.root}
            parent={av.parent}
            refcount={av.refcount}
            treeSize={av.tree.length}
            locked={cpus(av.lockedBy)}
            lockMode={av.lockMode}
            waiting={cpus(av.waiting)}
            refs={av.refs.join(' ')}
          />
        ))}
      </g>
      <g className="layer-vmas">
        {vmas.map((v) => {
          const extentX = layout.pageX(v.start);
          const chainXs = v.chain.map((id) => columnX[id] ?? 0);
          return (
            <VmaRow
              key={v.id}
              id={v.id}
              pid={v.pid}
              start={v.start}
              end={v.end}
              prot={v.prot}
              growsdown={v.growsdown}
              y={vmaY[v.id] ?? 0}
              extentX={extentX}
              extentWidth={layout.pageX(v.end) - extentX}
              cell={layout.cell}
              guideEnd={Math.max(layout.stripX + layout.stripWidth, ...chainXs)}
              anonVma={v.anonVma}
              chain={v.chain.join(' → ')}
            />
          );
        })}
      </g>
      <g className="layer-avcs">
        {vmas.flatMap((v) =>
          v.chain.map((av, i) => (
            <AvcMark
              key={`${v.id}/${av}`}
              id={`${v.id}/${av}`}
              vma={v.id}
              anonVma={av}
              x={columnX[av] ?? 0}
              y={vmaY[v.id] ?? 0}
              color={color[av] ?? NO_COLOR}
              index={i + 1}
              own={av === v.anonVma}
            />
          )),
        )}
        {vmas.map((v) =>
          v.chain.length === 0 && v.anonVma ? (
            <AnonVmaLink
              key={`${v.id}/${v.anonVma}`}
              vma={v.id}
              anonVma={v.anonVma}
              x={columnX[v.anonVma] ?? 0}
              y={vmaY[v.id] ?? 0}
              color={color[v.anonVma] ?? NO_COLOR}
            />
          ) : null,
        )}
      </g>
      <g className="layer-pages">
        {view.pages.map((pg) => {
          const vma = vmaOfPage(pg.pid, pg.addr);
          if (!vma) return null;
          return (
            <PageMark
              key={pg.id}
              id={pg.id}
              x={layout.pageX(pg.addr)}
              y={vmaY[vma.id] ?? 0}
              width={layout.cell}
              page={pg.page}
              anonVma={pg.anonVma}
              color={(pg.anonVma && color[pg.anonVma]) || NO_COLOR}
              migration={pg.migration}
              showNumber={layout.cell >= 14 && pg.page < 100}
            />
          );
        })}
      </g>
      {view.processes.length === 0 && (
        <text className="graph-empty" x={GEOMETRY.margin} y={layout.rowsTop + 20}>
          {emptyText}
        </text>
      )}
    </svg>
  );
}
