// The pointer view: the same forest as the matrix, drawn as the kernel's literal linked lists
// (boxes and arrows). Same objects, same data-ids (Contract 4); layout in pointerLayout.ts.
import { memo, useMemo } from 'react';
import type { ViewAnonVma, ViewState } from '../../kernel';
import { GraphDefs } from '../graph/GraphDefs';
import { cpuList } from '../graph/cpu';
import type { MatrixLayout } from '../layout/matrixLayout';
import { PtrAnonVma, PtrAvc, PtrVma } from './PointerBoxes';
import { PtrArrows } from './PtrArrows';
import { PtrPage } from './PtrPage';
import { PtrProcess } from './PtrProcess';
import { PtrWalker } from './PtrWalker';
import { pointerLayout } from './pointerLayout';
import type { Arrow } from './pointerLayout';
import '../graph/graph.css';
import './pointer.css';

export interface PointerGraphProps {
  view: ViewState;
  layout: MatrixLayout;
  changed: ReadonlySet<string>;
  violated: ReadonlySet<string>;
}

const NO_COLOR = '#6b7280';

function pointersOf(av: ViewAnonVma): string {
  const out: string[] = [];
  if (av.root !== undefined) out.push(`root=${av.root}`);
  if (av.parent !== undefined) out.push(`parent=${av.parent}`);
  return out.length ? out.join(' ') : 'no root pointer';
}

function countersOf(av: ViewAnonVma): string {
  const out = [`ref=${av.refcount}`];
  if (av.degree !== undefined) out.push(`degree=${av.degree}`);
  if (av.num_children !== undefined) out.push(`children=${av.num_children}`);
  if (av.num_active_vmas !== undefined) out.push(`active=${av.num_active_vmas}`);
  return out.join(' ');
}

/** Arrows grouped by owner, each owner's hops joined for one memoized component. */
function byOwner(arrows: readonly Arrow[]): { owner: string; hops: string }[] {
  const map = new Map<string, string[]>();
  for (const a of arrows) map.set(a.owner, [...(map.get(a.owner) ?? []), a.d]);
  return [...map].map(([owner, hops]) => ({ owner, hops: hops.join('|') }));
}

function PointerGraphImpl({ view, layout, changed, violated }: PointerGraphProps) {
  const hasAvc = view.flags.avc;
  const mmapName = view.flags.mmapLock ? 'mmap_lock' : 'mmap_sem';
  const procById = useMemo(() => new Map(view.processes.map((p) => [p.pid, p])), [view]);
  const ptr = useMemo(() => pointerLayout(view, layout, hasAvc), [view, layout, hasAvc]);
  const avById = useMemo(() => new Map(view.anonVmas.map((a) => [a.id, a])), [view]);
  const vmaById = useMemo(
    () => new Map(view.processes.flatMap((p) => p.vmas).map((v) => [v.id, v])),
    [view],
  );
  const pageById = useMemo(() => new Map(view.pages.map((pg) => [pg.id, pg])), [view]);
  const avcById = useMemo(() => new Map(ptr.avcs.map((b) => [b.id, b])), [ptr]);
  const vmaBoxById = useMemo(() => new Map(ptr.vmas.map((b) => [b.id, b])), [ptr]);
  const color = (id: string | null) => (id && layout.color[id]) || NO_COLOR;
  return (
    <svg
      className="pointer-graph"
      data-testid="pointer-graph"
      data-era={view.era}
      role="group"
      aria-label={`anon_vma forest as linked lists: ${ptr.vmas.length} VMAs, ${ptr.anonVmas.length} anon_vmas, ${ptr.avcs.length} anon_vma_chains`}
      width={ptr.width}
      height={ptr.height}
      viewBox={`0 0 ${ptr.width} ${ptr.height}`}
    >
      <GraphDefs />
      <g className="layer-processes">
        {ptr.processes.map((p) => (
          <PtrProcess
            key={p.pid}
            {...p}
            changed={changed.has(p.pid)}
            lockName={mmapName}
            locked={cpuList(procById.get(p.pid)?.lockedBy ?? [])}
            lockMode={procById.get(p.pid)?.lockMode ?? null}
            waiting={cpuList(procById.get(p.pid)?.waiting ?? [])}
          />
        ))}
      </g>
      <g className="layer-family">
        {ptr.family.map((f) => (
          <path
            key={f.owner}
            className={`ptr-family is-${f.kind}`}
            data-edge={`${f.owner}->${f.to}`}
            d={f.d}
            markerEnd="url(#avf-arrow)"
          />
        ))}
      </g>
      <g className="layer-lists">
        {byOwner(ptr.sameVma).map((a) => (
          <PtrArrows key={`v:${a.owner}`} list="same_vma" {...a} />
        ))}
        {byOwner(ptr.sameAnonVma).map((a) => (
          <PtrArrows key={`a:${a.owner}`} list="same_anon_vma" {...a} color={color(a.owner)} />
        ))}
      </g>
      <g className="layer-anon-vmas">
        {ptr.anonVmas.map((b) => {
          const av = avById.get(b.id);
          if (!av) return null;
          return (
            <PtrAnonVma
              key={b.id}
              {...b}
              color={color(b.id)}
              pointers={pointersOf(av)}
              counters={countersOf(av)}
              locked={cpuList(av.lockedBy)}
              lockMode={av.lockMode}
              waiting={cpuList(av.waiting)}
              changed={changed.has(b.id)}
              violated={violated.has(b.id)}
            />
          );
        })}
      </g>
      <g className="layer-vmas">
        {ptr.vmas.map((b) => {
          const v = vmaById.get(b.id);
          return (
            <PtrVma
              key={b.id}
              {...b}
              label={v ? `${v.pid} [${v.start},${v.end})` : b.id}
              anonVma={v?.anonVma ?? null}
              locked={cpuList(v?.lockedBy ?? [])}
              lockMode={v?.lockMode ?? null}
              waiting={cpuList(v?.waiting ?? [])}
              visiting={cpuList(v?.visitedBy ?? [])}
              changed={changed.has(b.id)}
              violated={violated.has(b.id)}
            />
          );
        })}
      </g>
      <g className="layer-avcs">
        {ptr.avcs.map((b) => (
          <PtrAvc
            key={b.id}
            {...b}
            color={color(b.anonVma)}
            changed={changed.has(b.id)}
            violated={violated.has(b.id)}
          />
        ))}
      </g>
      <g className="layer-pages">
        {ptr.pages.map((b) => (
          <PtrPage
            key={b.id}
            {...b}
            color={color(b.anonVma)}
            locked={cpuList(pageById.get(b.id)?.lockedBy ?? [])}
            waiting={cpuList(pageById.get(b.id)?.waiting ?? [])}
            changed={changed.has(b.id)}
            violated={violated.has(b.id)}
          />
        ))}
      </g>
      <g className="layer-walkers">
        {view.cpus.map((c) => {
          if (!c.visiting) return null;
          const box = avcById.get(c.visiting.avc) ?? vmaBoxById.get(c.visiting.vma);
          return box ? <PtrWalker key={c.cpu} cpu={c.cpu} vma={c.visiting.vma} {...box} /> : null;
        })}
      </g>
    </svg>
  );
}

export const PointerGraph = memo(PointerGraphImpl);
