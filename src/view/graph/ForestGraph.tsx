// The AVC matrix of one ViewState (Contract 4): rows are VMAs grouped by process, columns are
// anon_vmas grouped by family under their family tree, an AVC sits at each crossing, the lists
// run along rows and down columns, pages sit on their anon_vma's shelf linked to the page-table
// entries in each VMA's strip. The layout is given (computed once per trace); matrixScene turns
// the state into props; React renders memoized objects keyed by their ids.
import { memo, useMemo } from 'react';
import { avcId } from '../../kernel';
import type { ViewState } from '../../kernel';
import { AnonVmaColumn } from './AnonVmaColumn';
import { AnonVmaLink, AvcMark } from './AvcMark';
import { cpuList } from './cpu';
import { FamilyEdge } from './FamilyEdge';
import { Ghosts } from './Ghosts';
import { GraphDefs } from './GraphDefs';
import { ListPath } from './ListPath';
import { matrixScene } from './matrixScene';
import { PageLink, PfnMark, PteMark } from './PageMark';
import { ProcessBand } from './ProcessBand';
import { VmaRow } from './VmaRow';
import { drawnObjectCount } from '../canvas/levelOfDetail';
import { Walker, WALKER_TAG, walkerAt } from './Walker';
import { GEOMETRY } from '../layout/matrixLayout';
import type { MatrixLayout } from '../layout/matrixLayout';
import './graph.css';

export interface ForestGraphProps {
  view: ViewState;
  layout: MatrixLayout;
  /** ids the current step touched (`data-changed`) */
  changed?: ReadonlySet<string>;
  /** ids named by a violation so far (`data-violation`) */
  violated?: ReadonlySet<string>;
  /** what to say when no process is alive */
  emptyText?: string;
}

const NONE: ReadonlySet<string> = new Set();

/** More drawn objects than this and the forest is drawn without enter, move and exit motion. */
export const STILL_OBJECTS = 300;

function ForestGraphImpl({
  view,
  layout,
  changed = NONE,
  violated = NONE,
  emptyText = 'No live process.',
}: ForestGraphProps) {
  // The flags the model ran with, overrides included: never the era's preset alone.
  const { rootLock, avc: hasAvc } = view.flags;
  const scene = useMemo(
    () => matrixScene({ view, layout, changed, violated, rootLock, hasAvc }),
    [view, layout, changed, violated, rootLock, hasAvc],
  );
  const { columnX, vmaY } = layout;
  const vmas = view.processes.flatMap((proc) => proc.vmas);
  const rowEnd = layout.width - GEOMETRY.margin - 4;
  // Hundreds of objects entering at once (a jump across a big trace) each animated would make
  // each a compositor layer: seconds of main-thread work. A big forest changes without motion.
  const still = useMemo(() => drawnObjectCount(view) > STILL_OBJECTS, [view]);

  return (
    <svg
      className="forest-graph"
      data-testid="forest-graph"
      data-era={view.era}
      data-still={still ? 'true' : undefined}
      role="group"
      aria-label={`anon_vma forest, AVC matrix: ${view.processes.length} processes, ${vmas.length} VMAs, ${view.anonVmas.length} anon_vmas`}
      width={layout.width}
      height={layout.height}
      viewBox={`0 0 ${layout.width} ${layout.height}`}
    >
      <GraphDefs />
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
              changed={changed.has(proc.pid)}
              lockName={view.flags.mmapLock ? 'mmap_lock' : 'mmap_sem'}
              locked={cpuList(proc.lockedBy ?? [])}
              lockMode={proc.lockMode ?? null}
              waiting={cpuList(proc.waiting ?? [])}
            />
          );
        })}
      </g>
      <g className="layer-family">
        {scene.edges.map((e) => (
          <FamilyEdge key={e.id} {...e} />
        ))}
      </g>
      <g className="layer-columns">
        {scene.columns.map((c) => (
          <AnonVmaColumn key={c.id} {...c} />
        ))}
      </g>
      <g className="layer-vmas">
        {vmas.map((v) => {
          const extentX = layout.pageX(v.start);
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
              rowEnd={rowEnd}
              anonVma={v.anonVma}
              chain={v.chain.join(' → ')}
              changed={changed.has(v.id)}
              violated={violated.has(v.id)}
              locked={cpuList(v.lockedBy ?? [])}
              lockMode={v.lockMode ?? null}
              waiting={cpuList(v.waiting ?? [])}
              visiting={cpuList(v.visitedBy ?? [])}
            />
          );
        })}
      </g>
      <g className="layer-lists">
        {scene.sameVma.map((l) => (
          <ListPath key={`v:${l.owner}`} list="same_vma" {...l} />
        ))}
        {scene.sameAnonVma.map((l) => (
          <ListPath key={`a:${l.owner}`} list="same_anon_vma" {...l} />
        ))}
      </g>
      <g className="layer-page-links">
        {scene.links.map((l) => (
          <PageLink key={l.id} {...l} />
        ))}
      </g>
      <g className="layer-avcs">
        {scene.avcs.map((a) => (
          <AvcMark key={a.id} {...a} />
        ))}
        {vmas.map((v) =>
          (!hasAvc || v.chain.length === 0) && v.anonVma ? (
            <AnonVmaLink
              key={avcId(v.id, v.anonVma)}
              vma={v.id}
              anonVma={v.anonVma}
              x={columnX[v.anonVma] ?? 0}
              y={vmaY[v.id] ?? 0}
              color={layout.color[v.anonVma] ?? '#6b7280'}
            />
          ) : null,
        )}
      </g>
      <Ghosts scene={scene} cell={layout.cell} />
      <g className="layer-walkers">
        {view.cpus.map((c) => {
          const at = c.visiting && walkerAt(c.visiting.avc, layout);
          if (!at) return null;
          const flip = at.x + GEOMETRY.avcRadius + WALKER_TAG > layout.width;
          return <Walker key={c.cpu} cpu={c.cpu} vma={c.visiting!.vma} flip={flip} {...at} />;
        })}
      </g>
      <g className="layer-pages">
        {scene.pfns.map((p) => (
          <PfnMark key={p.slot} {...p} />
        ))}
        {scene.ptes.map((p) => (
          <PteMark key={p.id} {...p} />
        ))}
      </g>
      {view.processes.length === 0 && (
        <text className="graph-empty" x={GEOMETRY.margin} y={layout.rowsTop + 20}>
          {emptyText}
        </text>
      )}
    </svg>
  );
}

export const ForestGraph = memo(ForestGraphImpl);
