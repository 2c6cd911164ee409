// Opening a big scenario: its replay runs in the load worker while this box shows how far it got
// and offers to cancel; the page keeps the open scenario, and answers input, all along. Done,
// the replay is handed to the trace service and the layout (nothing is replayed again on the
// main thread) and the scenario opens; refused (over the page's bound) or rejected by the
// model, the reader is told why (an embedding page through the `error` message).
import { useEffect, useRef, useState } from 'react';
import { registerBigOpener } from '../../session/bigLoads';
import type { BigLoadJob } from '../../session/bigLoads';
import { errorMessage } from '../../codecs/messages';
import { primeCompressed } from '../../codecs/urlCodec';
import { MAX_PAGE_OPS, MAX_PAGE_STEPS, opCount } from '../../session/bigScenario';
import { quotedName } from '../../session/scenarioFile';
import { primeTrace } from '../../session/traces';
import { useAppStore } from '../../store';
import { post } from '../embed/useEmbedApi';
import { primeLockMarks } from '../../machine/marks';
import { primeCpuCount } from '../cpus/cpuCount';
import { primeFamilies, primeLocks, primeWalks } from '../metrics/eraReplays';
import { primeMarkers } from '../timeline/timelineMarkers';
import { primeUniverse } from '../trace/useTraceLayout';
import { startLoad } from './loadClient';
import type { LoadOutcome, LoadRun } from './loadClient';
import type { LoadProgress } from './loadProtocol';
import { loadFraction, loadText } from './loadText';
import './load.css';

interface Running {
  job: BigLoadJob;
  progress: LoadProgress | null;
}

const num = (n: number) => n.toLocaleString('en-US');

/** How the box and the notices name the job: opening a scenario, or replaying the open one. */
function wordsFor(job: BigLoadJob) {
  const name = quotedName(job.file ?? job.scenario.title);
  return job.source === 'edit'
    ? {
        doing: ['Replaying ', name, ' with the change'],
        refused: (why: string) =>
          `The change to ${name} was not made: ${why} The open scenario is kept as it was.`,
        cancelled: `Replaying ${name} with the change was cancelled. It is kept as it was.`,
      }
    : {
        doing: ['Opening ', name, ''],
        refused: (why: string) => `${name} was not opened: ${why} The open scenario is kept.`,
        cancelled: `Opening ${name} was cancelled. The open scenario is kept.`,
      };
}

/** What the reader (or the host) is told when the scenario did not open. */
function refusal(job: BigLoadJob, why: string): void {
  if (job.source === 'embed') post(errorMessage(`load rejected: ${why}`));
  else useAppStore.getState().notify(wordsFor(job).refused(why), 'error');
}

function opened(job: BigLoadJob, outcome: Extract<LoadOutcome, { kind: 'done' }>): void {
  const s = useAppStore.getState();
  const interactive = job.interactive ?? s.interactive;
  primeTrace(
    { scenario: job.scenario, era: job.era, flags: job.flags, interactive },
    outcome.trace,
  );
  primeUniverse(outcome.trace, outcome.universe, outcome.layout);
  primeFamilies(outcome.trace, outcome.families);
  primeLocks(outcome.trace, outcome.readings.locks);
  primeWalks(outcome.trace, outcome.readings.walks);
  primeMarkers(outcome.trace, outcome.readings.markers);
  primeLockMarks(outcome.trace, outcome.readings.lockMarks);
  primeCpuCount(outcome.trace, outcome.readings.cpus);
  primeCompressed(job.scenario, outcome.link);
  // the worker replayed it: committed as it is, with no second replay here
  useAppStore.setState({
    custom: job.scenario,
    eraOverride: job.era,
    flagsOverride: job.flags,
    interactive,
    // a link's step is kept for the scenario it names (the machine clamps it to the trace)
    cursorIntent: job.step ?? 'start',
  });
  if (job.source === 'file' && job.file !== null)
    s.notify(`Opened ${quotedName(job.scenario.title)} from ${quotedName(job.file)}.`, 'info');
}

export function BigLoad() {
  const [running, setRunning] = useState<Running | null>(null);
  const run = useRef<LoadRun | null>(null);

  useEffect(() => {
    const open = (job: BigLoadJob) => {
      const ops = opCount(job.scenario);
      if (ops > MAX_PAGE_OPS) {
        // refused before any work: the open scenario (and any load running) stay as they are
        refusal(
          job,
          `it has ${num(ops)} ops, more than the ${num(MAX_PAGE_OPS)} the page opens; \`npm run replay\` has no such bound.`,
        );
        return;
      }
      run.current?.cancel();
      const interactive = job.interactive ?? useAppStore.getState().interactive;
      setRunning({ job, progress: null });
      const current = startLoad(
        {
          scenario: job.scenario,
          era: job.era,
          flags: job.flags,
          interactive,
          maxSteps: MAX_PAGE_STEPS,
        },
        (progress) => setRunning((r) => (r && r.job === job ? { job, progress } : r)),
      );
      run.current = current;
      void current.result.then(async (outcome) => {
        // the page renders the new trace in a task of its own, not in the one that received
        // the worker's last message
        if (outcome.kind === 'done') await nextTask();
        if (run.current !== current) return;
        run.current = null;
        setRunning(null);
        if (outcome.kind === 'done') opened(job, outcome);
        else if (outcome.kind === 'refused')
          refusal(
            job,
            `it takes more than ${num(outcome.maxSteps)} micro-steps (stopped at op ${num(outcome.op)} of ${num(job.scenario.ops.length)}), the most the page replays; \`npm run replay\` has no such bound.`,
          );
        else if (outcome.kind === 'error') refusal(job, sentence(outcome.message));
      });
    };
    const unregister = registerBigOpener(open);
    return () => {
      unregister();
      run.current?.cancel();
      run.current = null;
    };
  }, []);

  if (!running) return null;
  const { job, progress } = running;
  const words = wordsFor(job);
  const [before, name, after] = words.doing;
  const cancel = () => {
    const current = run.current;
    if (!current) return;
    run.current = null;
    current.cancel();
    setRunning(null);
    if (job.source === 'embed') post(errorMessage('load rejected: cancelled'));
    useAppStore.getState().notify(words.cancelled, 'info');
  };
  const fraction = loadFraction(progress);
  return (
    <section
      className="big-load"
      data-testid="big-load"
      data-phase={progress?.phase ?? 'starting'}
      aria-label="Opening a scenario"
    >
      <p className="big-load-title">
        {before}
        <span className="big-load-name">{name}</span>
        {after}
      </p>
      <div
        className="big-load-bar"
        role="progressbar"
        aria-label="Opening the scenario"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(fraction * 100)}
        aria-valuetext={loadText(progress)}
      >
        <div className="big-load-fill" style={{ width: `${fraction * 100}%` }} />
      </div>
      <p className="big-load-text" role="status" data-testid="big-load-text">
        {loadText(progress)}
      </p>
      <button type="button" data-testid="big-load-cancel" onClick={cancel}>
        Cancel
      </button>
    </section>
  );
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const sentence = (s: string): string => (/[.!?]$/.test(s) ? s : `${s}.`);
