// `npm run explore -- FILE.json [--json] [--max-states N] [--max-seconds S] [--preemptions N]
// [--full] [--era ERA] [--flag name=value]...`
// Searches the interleavings of the scenario's `parallel` blocks (one per class of orders of
// independent steps) and prints the shortest breaking schedule, ready to paste back. Bounded by
// default (EXPLORE_DEFAULTS); progress goes to stderr every few seconds, also when piped.
// Exit codes: 0 searched (with or without a violation), 2 bad file or arguments, 3 internal error.
import { explore, type ExploreOptions, type ExploreResult } from '../kernel/explore';
import type { SearchProgress } from '../kernel/explore';
import { effectiveFlags } from '../kernel/replay';
import type { Scenario } from '../kernel/scenarioTypes';
import {
  EXPLORE_DEFAULTS,
  failure,
  kernelOptions,
  parseArgs,
  readScenario,
  runCli,
  usage,
} from './args';
import type { CliArgs, CliSpec } from './args';
import { formatCounts, formatViolations, header } from './format';

const SPEC: CliSpec = { command: 'explore', check: false, maxStates: true };
const PROGRESS_MS = 2000;

/** The top-level op index of each `parallel` block, in order. */
function parallelOps(sc: Scenario): number[] {
  return sc.ops.flatMap((op, i) => (op.op === 'parallel' ? [i] : []));
}

const num = (n: number): string => n.toLocaleString('en-US');
function plural(n: number, word: string, many = `${word}s`): string {
  return `${num(n)} ${n === 1 ? word : many}`;
}
const secs = (ms: number): string => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;

/** One `"schedule": [...]` line per block that ran, each naming the op to paste it into. */
function pasteLines(sc: Scenario, res: ExploreResult): string[] {
  const ops = parallelOps(sc);
  const blocks = (res.schedules.length > 0 ? res.schedules : [res.schedule])
    .map((s, b) => ({ op: ops[b] ?? '?', s }))
    .filter((x) => x.s.length > 0);
  const line = (s: number[]) => `"schedule": [${s.join(', ')}]`;
  const which = res.shortest
    ? 'the shortest schedule that breaks it'
    : 'a schedule that breaks it (a shorter one may exist: the search for one reached its bound)';
  if (blocks.length === 0) return ['no schedule needed: it breaks before any choice between CPUs'];
  if (blocks.length === 1)
    return [`${which}, for op ${blocks[0]!.op} (parallel):`, line(blocks[0]!.s)];
  return [
    `${which.replace('schedule', 'run')}, one schedule per parallel op:`,
    ...blocks.flatMap((x) => [`op ${x.op} (parallel):`, line(x.s)]),
  ];
}

/** Why the search stopped early, in words, with the option that moves the bound. */
function stopText(res: ExploreResult, a: CliArgs): string {
  switch (res.stoppedBy) {
    case 'max-states':
      return `it reached --max-states ${num(a.maxStates ?? EXPLORE_DEFAULTS.maxStates)} (raise it to go on)`;
    case 'max-seconds':
      return `it reached --max-seconds ${a.maxSeconds ?? EXPLORE_DEFAULTS.maxSeconds} (raise it to go on)`;
    case 'max-runs':
      return 'it reached its bound on interleavings';
    case 'max-memory':
      return `its memory reached ${EXPLORE_DEFAULTS.maxHeapMb} MB of heap (bound the search with --max-states or --preemptions)`;
    default:
      return 'it was cancelled';
  }
}

/** What was explored: states, interleavings, steps, time. */
function explored(res: ExploreResult): string {
  const classes =
    res.reduction === 'none'
      ? plural(res.runs, 'complete interleaving')
      : plural(res.runs, 'class of interleavings', 'classes of interleavings');
  return `${plural(res.explored, 'state')}, ${classes}, ${plural(res.steps, 'micro-step')} run, ${secs(res.ms)}`;
}

export function cutShort(res: ExploreResult, a: CliArgs): string {
  return `no violation in the first ${explored(res)}: the search stopped because ${stopText(res, a)}`;
}

function verdict(sc: Scenario, res: ExploreResult, a: CliArgs): string[] {
  if (res.violations.length > 0) {
    const lines = [...formatViolations(res.violations), '', ...pasteLines(sc, res)];
    if (res.stoppedBy) lines.push(`(the search stopped because ${stopText(res, a)})`);
    return lines;
  }
  if (res.bounded) {
    return [
      `no violation in the interleavings with at most ${plural(res.bounded.preemptions, 'preemption')}: ${explored(res)}`,
      'this search is incomplete by design (--preemptions): interleavings with more preemptions were not tried',
    ];
  }
  if (!res.complete) return [cutShort(res, a)];
  const what = res.reduction === 'none' ? 'interleaving' : 'class of interleavings';
  return [`no violation in any ${what} (the search went to its end)`];
}

function render(sc: Scenario, a: CliArgs, res: ExploreResult): string {
  if (a.json) {
    const { explored, violations, schedule, schedules, runs, redundant, steps, complete } = res;
    const { stoppedBy, bounded, shortest, reduction } = res;
    const ms = Math.round(res.ms);
    const out = { explored, violations, schedule, schedules, runs, redundant, steps, ms };
    return `${JSON.stringify({ ...out, complete, stoppedBy, bounded, shortest, reduction }, null, 2)}\n`;
  }
  const { era, flags } = effectiveFlags(sc, kernelOptions(a));
  const lines = [...header(sc.title, era, flags), ''];
  if (parallelOps(sc).length === 0) lines.push('(no parallel block: there is one interleaving)');
  else {
    const how =
      res.reduction === 'none'
        ? 'full breadth-first search'
        : 'partial-order reduction: one interleaving per class of orders of independent steps';
    lines.push(`searched with ${how}`, `explored ${explored(res)}`);
  }
  lines.push(...formatCounts(res.counts), '', ...verdict(sc, res, a));
  return `${lines.join('\n')}\n`;
}

/** A progress line: on a terminal it overwrites itself, piped it is one line every few seconds. */
function progressLine(p: SearchProgress): string {
  const rate = p.elapsedMs > 0 ? Math.round((p.states / p.elapsedMs) * 1000) : 0;
  const found = p.found ? ', a violation found: looking for a shorter schedule' : '';
  return `explore: ${secs(p.elapsedMs)}: ${plural(p.states, 'state')} (${num(rate)}/s), ${plural(p.runs, 'interleaving')}${found}`;
}

function exploreOptions(a: CliArgs): ExploreOptions {
  const tty = process.stderr.isTTY === true;
  return {
    ...kernelOptions(a),
    maxStates: a.maxStates ?? EXPLORE_DEFAULTS.maxStates,
    maxSeconds: a.maxSeconds ?? EXPLORE_DEFAULTS.maxSeconds,
    // a guard under the heap the command runs with (package.json: --max-old-space-size)
    maxMemory: {
      bytes: EXPLORE_DEFAULTS.maxHeapMb * 1e6,
      used: () => process.memoryUsage().heapUsed,
    },
    ...(a.preemptions === undefined ? {} : { preemptions: a.preemptions }),
    ...(a.reduction === undefined ? {} : { reduction: a.reduction }),
    progressMs: PROGRESS_MS,
    progress: (p) => {
      process.stderr.write(tty ? `\r\x1b[K${progressLine(p)}` : `${progressLine(p)}\n`);
      return true;
    },
  };
}

function main(argv: string[]): number {
  let file = '';
  try {
    const a = parseArgs(argv, SPEC);
    if (a.help) {
      process.stdout.write(usage(SPEC));
      return 0;
    }
    file = a.file;
    const sc = readScenario(a.file);
    const res = explore(sc, exploreOptions(a));
    if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
    if (a.json && !res.complete && res.violations.length === 0)
      process.stderr.write(
        `explore: ${res.bounded ? 'bounded by --preemptions: ' : ''}${res.bounded ? explored(res) : cutShort(res, a)}\n`,
      );
    process.stdout.write(render(sc, a, res));
    return 0;
  } catch (err) {
    const f = failure(SPEC.command, file, err);
    process.stderr.write(f.text);
    return f.code;
  }
}

runCli(main);
