// `npm run explore -- FILE.json [--json] [--era ERA] [--flag name=value]...`
// Searches every interleaving of the scenario's `parallel` blocks (breadth-first, so the first
// violation comes with the shortest schedule) and prints that schedule, ready to paste back.
// Exit codes: 0 searched (with or without a violation), 2 bad file or arguments, 3 internal error.
import { explore, type ExploreOptions, type ExploreResult } from '../kernel/explore';
import { effectiveFlags } from '../kernel/replay';
import type { Scenario } from '../kernel/scenarioTypes';
import { failure, kernelOptions, parseArgs, readScenario, runCli, usage } from './args';
import type { CliArgs, CliSpec } from './args';
import { formatCounts, formatViolations, header } from './format';

const SPEC: CliSpec = { command: 'explore', check: false, maxStates: true };
const PROGRESS_EVERY = 2000;

/** The top-level op index of each `parallel` block, in order. */
function parallelOps(sc: Scenario): number[] {
  return sc.ops.flatMap((op, i) => (op.op === 'parallel' ? [i] : []));
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** One `"schedule": [...]` line per block that ran, each naming the op to paste it into. */
function pasteLines(sc: Scenario, res: ExploreResult): string[] {
  const ops = parallelOps(sc);
  const blocks = (res.schedules.length > 0 ? res.schedules : [res.schedule])
    .map((s, b) => ({ op: ops[b] ?? '?', s }))
    .filter((x) => x.s.length > 0);
  const line = (s: number[]) => `"schedule": [${s.join(', ')}]`;
  if (blocks.length === 0) return ['no schedule needed: it breaks before any choice between CPUs'];
  if (blocks.length === 1) {
    return [
      `the shortest schedule that breaks it, for op ${blocks[0]!.op} (parallel):`,
      line(blocks[0]!.s),
    ];
  }
  return [
    'the shortest run that breaks it, one schedule per parallel op:',
    ...blocks.flatMap((x) => [`op ${x.op} (parallel):`, line(x.s)]),
  ];
}

function cutShort(res: ExploreResult): string {
  return `no violation in the first ${plural(res.explored, 'state')}: the search stopped there (raise --max-states to go on)`;
}

function summary(sc: Scenario, res: ExploreResult, ms: number): string[] {
  const lines = [
    `explored ${plural(res.explored, 'state')}, ${plural(res.runs, 'complete interleaving')}, ${ms} ms`,
  ];
  if (parallelOps(sc).length === 0) lines.push('(no parallel block: there is one interleaving)');
  lines.push(...formatCounts(res.counts));
  return lines;
}

function verdict(sc: Scenario, res: ExploreResult): string[] {
  if (res.violations.length > 0) {
    return [...formatViolations(res.violations), '', ...pasteLines(sc, res)];
  }
  const states = plural(res.explored, 'state');
  if (!res.complete) return [cutShort(res)];
  return [`no violation in ${states} (${plural(res.runs, 'complete interleaving')})`];
}

function render(sc: Scenario, a: CliArgs, res: ExploreResult, ms: number): string {
  if (a.json) {
    const { explored, violations, schedule } = res;
    return `${JSON.stringify({ explored, violations, schedule }, null, 2)}\n`;
  }
  const { era, flags } = effectiveFlags(sc, kernelOptions(a));
  const lines = [
    ...header(sc.title, era, flags),
    '',
    ...summary(sc, res, ms),
    '',
    ...verdict(sc, res),
  ];
  return `${lines.join('\n')}\n`;
}

/** The kernel's options, with a progress line on a terminal: a search can take minutes. */
function exploreOptions(a: CliArgs): ExploreOptions {
  const o: ExploreOptions = kernelOptions(a);
  if (a.maxStates !== undefined) o.maxStates = a.maxStates;
  if (process.stderr.isTTY) {
    o.progressMs = PROGRESS_EVERY;
    o.progress = (p) => process.stderr.write(`\rexplored ${p.states} states…`) || true;
  }
  return o;
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
    const t0 = performance.now();
    const res = explore(sc, exploreOptions(a));
    const ms = Math.round(performance.now() - t0);
    if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
    if (a.json && !res.complete) process.stderr.write(`explore: ${cutShort(res)}\n`);
    process.stdout.write(render(sc, a, res, ms));
    return 0;
  } catch (err) {
    const f = failure(SPEC.command, file, err);
    process.stderr.write(f.text);
    return f.code;
  }
}

runCli(main);
