// "Build your own forest": new scenario, undo, save, and the operation palette acting on the
// selection. Every action appends one op through the store, which replays it before committing;
// a refused one is told on the page's notices.
import { useMemo, useState } from 'react';
import { saveScenarioFile } from '../../app/scenarioFiles';
import { withLastInParallel } from '../../session/edit';
import { scenarioFileName } from '../../session/scenarioFile';
import type { Session } from '../../session/session';
import { useAppStore } from '../../store';
import { OpenFileButton } from './OpenFileButton';
import { OpList } from './OpList';
import { OpPalette } from './OpPalette';
import { paletteActions } from './palette';
import { staleSelection, targetFor } from './target';
import type { Target } from './target';
import { TargetFields } from './TargetFields';
import './builder.css';

export function BuilderPanel({ session }: { session: Session }) {
  const selected = useAppStore((s) => s.selected);
  const appendOp = useAppStore((s) => s.appendOp);
  const undoOp = useAppStore((s) => s.undoOp);
  const parallelLastOp = useAppStore((s) => s.parallelLastOp);
  const newScenario = useAppStore((s) => s.newScenario);
  const told = useAppStore((s) => s.notifyRefusal);

  const trace = session.ok ? session.trace : null;
  const end = useMemo(() => trace?.stateAt(trace.steps.length) ?? null, [trace]);
  // The fields follow the selection and each new trace until the user edits them.
  const key = `${selected?.kind ?? ''}:${selected?.id ?? ''}:${trace?.steps.length ?? -1}`;
  const [edited, setEdited] = useState<{ key: string; target: Target } | null>(null);
  const defaults = end ? targetFor(end, selected) : { pid: '', addr: 0, pages: 1 };
  const target = edited?.key === key ? edited.target : defaults;

  const actions = end ? paletteActions(session.scenario, end, target) : [];
  const blocked = !session.ok
    ? 'the scenario does not replay: undo or start a new one'
    : session.trace.awaiting
      ? 'pick the next CPU of the parallel block first'
      : null;
  const canSave = session.scenario.ops.length > 0;
  const stale = end ? staleSelection(end, selected) : null;
  const canUndo = session.scenario.ops.length > 0;
  const pairing = parallelHint(session.scenario);

  return (
    <section className="builder" data-testid="builder" aria-labelledby="builder-title">
      <h2 id="builder-title">Build your own forest</h2>
      <div className="builder-bar">
        <button type="button" data-testid="builder-new" onClick={newScenario}>
          New scenario
        </button>
        <button
          type="button"
          data-testid="builder-undo"
          aria-disabled={!canUndo}
          title={canUndo ? 'remove the last op' : 'Undo: there is no op to remove'}
          onClick={() => {
            if (canUndo) told(undoOp());
          }}
        >
          Undo last op
        </button>
        <button
          type="button"
          data-testid="builder-parallel"
          aria-disabled={!pairing.ok}
          title={pairing.text}
          onClick={() => {
            if (pairing.ok) told(parallelLastOp());
          }}
        >
          Last op in parallel
        </button>
        <button
          type="button"
          data-testid="builder-download"
          aria-disabled={!canSave}
          title={
            canSave
              ? `save ${scenarioFileName(session.scenario.title)}`
              : 'Download: add an op first: a scenario needs at least one'
          }
          onClick={() => {
            if (canSave) saveScenarioFile(useAppStore);
          }}
        >
          Download scenario JSON
        </button>
        <OpenFileButton />
      </div>
      <p className="builder-note" data-testid="builder-selection">
        {selected && !stale
          ? `Acting on the selected ${selected.kind} ${selected.id}.`
          : stale
            ? `The selected ${stale}; acting on the newest process.`
            : 'Nothing selected: acting on the newest process. Click an object in the graph to act on it.'}
      </p>
      <TargetFields
        pids={end?.processes.map((p) => p.pid) ?? []}
        target={target}
        onChange={(t) => setEdited({ key, target: t })}
      />
      <OpPalette actions={actions} blocked={blocked} onAppend={(op) => told(appendOp(op))} />
      <OpList scenario={session.scenario} />
    </section>
  );
}

/** Whether the last op can go on a CPU of its own beside the one before, and what that does. */
function parallelHint(scenario: Session['scenario']): { ok: boolean; text: string } {
  const paired = withLastInParallel(scenario);
  if (typeof paired === 'string') return { ok: false, text: paired };
  const joins = scenario.ops[scenario.ops.length - 2]?.op === 'parallel';
  return {
    ok: true,
    text: joins
      ? 'run the last op as one more CPU of the parallel block before it'
      : 'run the last two ops at once, each on its own CPU',
  };
}
