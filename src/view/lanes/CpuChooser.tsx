// Interactive mode: one button per CPU of the block; the chosen CPU takes the next step (its
// number is written into the block's schedule and the session replays). A CPU that cannot go is
// disabled and says why.
import { useAppStore } from '../../store';
import { Playback } from '../playback/playback';
import { cpuGlyph, cpuInk } from './cpuStyle';
import type { CpuChoice, ParallelBlock } from './parallelBlocks';
import { inBlock, scheduleWith } from './parallelBlocks';

export interface CpuChooserProps {
  block: ParallelBlock;
  cursor: number;
  choices: CpuChoice[];
  /** the replay stopped here, waiting for a choice */
  awaitingHere: boolean;
}

export function CpuChooser({ block, cursor, choices, awaitingHere }: CpuChooserProps) {
  const actor = Playback.useActorRef();
  const setSchedule = useAppStore((s) => s.setSchedule);
  const told = useAppStore((s) => s.notifyRefusal);
  if (!inBlock(block, cursor)) {
    return (
      <p className="cpu-chooser-hint">
        {`Move the cursor into the block (steps ${block.from}–${block.to}) to choose which CPU goes next. `}
        <button
          type="button"
          className="link"
          onClick={() => actor.send({ type: 'SEEK', to: block.from })}
        >
          Go to its start
        </button>
      </p>
    );
  }
  const anyReady = choices.some((c) => c.ready);
  return (
    <div className="cpu-chooser" role="group" aria-label="Choose the CPU that takes the next step">
      <p className="cpu-chooser-hint">
        {awaitingHere
          ? 'The replay waits for you: which CPU takes the next step?'
          : anyReady
            ? `Which CPU takes step ${cursor + 1}? (the rest of the block is replayed from your choice)`
            : 'No CPU can take a step here.'}
      </p>
      {choices.map((c) => (
        <button
          key={c.cpu}
          type="button"
          data-testid="choose-cpu"
          data-cpu={`cpu${c.cpu}`}
          disabled={!c.ready}
          title={c.ready ? `cpu${c.cpu} takes the next step` : `cpu${c.cpu} ${c.why}`}
          onClick={() => told(setSchedule(block.op, scheduleWith(block, cursor, c.cpu)))}
        >
          <span aria-hidden style={{ color: cpuInk(c.cpu) }}>
            {cpuGlyph(c.cpu)}
          </span>
          {` cpu${c.cpu}`}
          {!c.ready && <span className="cpu-why">{` — ${c.why}`}</span>}
        </button>
      ))}
    </div>
  );
}
