// CPU lanes for a `parallel` block: which CPU took each micro-step of the block, which CPU waits
// for which lock at the cursor, and the switch for choosing the next CPU by hand.
import { useMemo } from 'react';
import type { ScenarioOp, ViewState } from '../../kernel';
import { useAppStore } from '../../store';
import { CpuBadge } from '../steps/StepLog';
import { opLabel } from '../timeline/opLabel';
import { CpuChooser } from './CpuChooser';
import { LaneStrip } from './LaneStrip';
import type { BlockSource } from './parallelBlocks';
import { blockAt, cpuChoices, inBlock, parallelBlocks } from './parallelBlocks';
import './lanes.css';

export interface CpuLanesProps {
  trace: BlockSource & { awaiting?: { op: number; ready: number[] } | null };
  ops: readonly ScenarioOp[];
  view: ViewState;
  cursor: number;
}

export function CpuLanes({ trace, ops, view, cursor }: CpuLanesProps) {
  const blocks = useMemo(() => parallelBlocks(trace, ops), [trace, ops]);
  const interactive = useAppStore((s) => s.interactive);
  const setInteractive = useAppStore((s) => s.setInteractive);
  const told = useAppStore((s) => s.notifyRefusal);
  const block = blockAt(blocks, cursor);
  if (!block) return null;
  const here = inBlock(block, cursor);
  const awaiting = trace.awaiting ?? null;
  const atEnd = cursor === trace.steps.length;
  const choices = cpuChoices(block, view, awaiting, atEnd);
  const threads = ops[block.op]?.op === 'parallel' ? ops[block.op] : undefined;
  return (
    <section
      className="cpu-lanes"
      aria-label="CPU lanes"
      data-testid="cpu-lanes"
      data-op={block.op}
    >
      <header className="cpu-lanes-head">
        <h2>{`CPU lanes · op ${block.op}: ${opLabel(ops[block.op])}`}</h2>
        <span className="cpu-lanes-range">
          {block.cells.length === 0
            ? 'no step taken yet'
            : `steps ${block.from + 1}–${block.to}${here ? '' : cursor < block.from ? ' (ahead)' : ' (behind)'}`}
        </span>
        <label className="interactive-toggle">
          <input
            type="checkbox"
            data-testid="interactive-toggle"
            checked={interactive}
            onChange={(e) => told(setInteractive(e.target.checked))}
          />
          Choose the next CPU
        </label>
      </header>
      {choices.map((c) => {
        const status = here ? view.cpus.find((s) => s.cpu === c.cpu) : undefined;
        const waiting = status?.waitingFor ?? null;
        const thread = threads?.op === 'parallel' ? threads.threads[c.cpu] : undefined;
        return (
          <div
            key={c.cpu}
            className="cpu-lane"
            data-kind="cpu-lane"
            data-cpu={`cpu${c.cpu}`}
            {...(waiting ? { 'data-waiting': waiting } : {})}
          >
            <span className="lane-label">
              <CpuBadge cpu={c.cpu} />
              <small>{thread?.map((o) => o.op).join(', ')}</small>
            </span>
            <LaneStrip cpu={c.cpu} cells={block.cells} from={block.from} cursor={cursor} />
            <span
              className={`lane-status${waiting ? ' is-waiting' : ''}`}
              data-testid="lane-status"
            >
              {!here ? '' : waiting ? `waits for ${waiting}` : status?.done ? 'finished' : 'runs'}
            </span>
          </div>
        );
      })}
      {interactive && (
        <CpuChooser
          block={block}
          cursor={cursor}
          choices={choices}
          awaitingHere={awaiting !== null && atEnd && awaiting.op === block.op}
        />
      )}
    </section>
  );
}
