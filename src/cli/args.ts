// Shared by the replay and explore command lines: argument parsing, reading the scenario file,
// and turning an error into an exit code and a one-paragraph message (never a stack trace).
import { readFileSync, statSync } from 'node:fs';
import { ERA_IDS, ERA_TITLES, ERAS, FLAG_NAMES, FLAG_SPECS, isEraId } from '../kernel/flags';
import { checkFlagValue, isFlagName, type EraId, type Flags } from '../kernel/flags';
import { parseScenario } from '../kernel/scenario';
import { MAX_SCENARIO_CHARS } from '../kernel/scenario';
import { ScenarioError, type Scenario } from '../kernel/scenarioTypes';

/** A bad command line or an unreadable file: exit 2, like a bad scenario. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export interface CliArgs {
  file: string;
  json: boolean;
  check: boolean;
  help: boolean;
  era?: EraId;
  flags: Partial<Flags>;
  /** explore only: stop after this many distinct states */
  maxStates?: number;
  /** explore only: stop after this many seconds */
  maxSeconds?: number;
  /** explore only: only interleavings with at most this many preemptions */
  preemptions?: number;
  /** explore only: 'none' runs the full breadth-first search (no reduction) */
  reduction?: 'dpor' | 'none';
}

export interface CliSpec {
  command: 'replay' | 'explore';
  /** whether `--check` is accepted (replay) */
  check: boolean;
  /** whether `--max-states N`, `--max-seconds S`, `--preemptions N`, `--full` are accepted (explore) */
  maxStates: boolean;
}

const EXPLORE_OPTIONS = ['--max-states', '--max-seconds', '--preemptions'];

/** explore's bounds when none is given: it finishes, or stops cleanly, in bounded memory */
export const EXPLORE_DEFAULTS = { maxStates: 1_000_000, maxSeconds: 300, maxHeapMb: 680 };

function parseEra(v: string): EraId {
  if (isEraId(v)) return v;
  throw new UsageError(
    `--era: unknown era ${JSON.stringify(v)} (expected one of ${ERA_IDS.join(', ')})`,
  );
}

function parseFlag(v: string, into: Partial<Flags>): void {
  const eq = v.indexOf('=');
  if (eq <= 0) throw new UsageError(`--flag ${JSON.stringify(v)}: expected name=value`);
  const name = v.slice(0, eq);
  if (!isFlagName(name)) {
    throw new UsageError(
      `--flag: unknown flag ${JSON.stringify(name)} (expected one of ${FLAG_NAMES.join(', ')})`,
    );
  }
  const res = checkFlagValue(name, v.slice(eq + 1), true);
  if (!res.ok) throw new UsageError(`--flag ${v}: ${res.error}`);
  (into as Record<string, unknown>)[name] = res.value;
}

function parseCount(name: string, v: string, min = 1): number {
  if (/^\d{1,9}$/.test(v) && Number(v) >= min) return Number(v);
  throw new UsageError(
    `${name} must be a whole number from ${min} to 999999999, got ${JSON.stringify(v)}`,
  );
}

/** Splits `--name=value` and takes the value of `--name value` from the next argument. */
function optionValue(argv: string[], i: number, name: string, inline: string | undefined) {
  if (inline !== undefined) return { value: inline, next: i };
  const v = argv[i + 1];
  if (v === undefined) throw new UsageError(`${name} needs a value`);
  return { value: v, next: i + 1 };
}

export function parseArgs(argv: string[], spec: CliSpec): CliArgs {
  const out: CliArgs = { file: '', json: false, check: false, help: false, flags: {} };
  const files: string[] = [];
  let rest = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (rest || a === '-' || !a.startsWith('-')) {
      files.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(0, eq) : a;
    const inline = eq > 0 ? a.slice(eq + 1) : undefined;
    if (a === '--') rest = true;
    else if (a === '--help' || a === '-h') out.help = true;
    else if (a === '--json') out.json = true;
    else if (a === '--check' && spec.check) out.check = true;
    else if (a === '--full' && spec.maxStates) out.reduction = 'none';
    else if (
      name === '--era' ||
      name === '--flag' ||
      (EXPLORE_OPTIONS.includes(name) && spec.maxStates)
    ) {
      const { value, next } = optionValue(argv, i, name, inline);
      i = next;
      if (name === '--era') out.era = parseEra(value);
      else if (name === '--flag') parseFlag(value, out.flags);
      else if (name === '--max-seconds') out.maxSeconds = parseCount(name, value);
      else if (name === '--preemptions') out.preemptions = parseCount(name, value, 0);
      else out.maxStates = parseCount(name, value);
    } else throw new UsageError(`unknown option ${JSON.stringify(a)} (try --help)`);
  }
  if (out.help) return out;
  if (files.length !== 1) {
    throw new UsageError(`expected one scenario file, got ${files.length} (try --help)`);
  }
  out.file = files[0]!;
  return out;
}

export function usage(spec: CliSpec): string {
  const what =
    spec.command === 'replay'
      ? 'Replays a scenario headlessly; prints the final forest and the violations.'
      : 'Searches every interleaving of the parallel blocks for the shortest breaking schedule\n(one interleaving per class of orders of independent steps). Progress goes to stderr.';
  const flagLines = FLAG_NAMES.map((n) => {
    const s = FLAG_SPECS[n];
    const v = s.kind === 'bool' ? 'true|false' : s.kind === 'count' ? '1..64' : s.values.join('|');
    return `  ${n}=${v}`;
  });
  return [
    `usage: npm run ${spec.command} -- FILE.json [--json]${spec.check ? ' [--check]' : ''}${spec.maxStates ? ' [--max-states N] [--max-seconds S] [--preemptions N] [--full]' : ''} [--era ERA] [--flag name=value]...`,
    what,
    '',
    '  --json             print one JSON object instead of text',
    ...(spec.check ? ['  --check            exit 1 when there is any violation'] : []),
    ...(spec.maxStates
      ? [
          `  --max-states N     stop after N distinct states (default ${EXPLORE_DEFAULTS.maxStates})`,
          `  --max-seconds S    stop after S seconds (default ${EXPLORE_DEFAULTS.maxSeconds})`,
          '  --preemptions N    only interleavings with at most N preemptions (CHESS): an',
          '                     incomplete search, said so in the result',
          '  --full             the full breadth-first search, without partial-order reduction',
        ]
      : []),
    '  --era ERA          run under this era instead of the file’s',
    '  --flag name=value  switch one flag on top of the era and the file (repeatable)',
    '',
    'eras:',
    ...ERA_IDS.map((e) => `  ${e.padEnd(7)} ${ERA_TITLES[e]}`),
    '',
    'flags:',
    ...flagLines,
    '',
    `exit codes: 0 ok,${spec.check ? ' 1 violations (--check),' : ''} 2 bad file or arguments, 3 internal error`,
    '',
  ].join('\n');
}

/** Reads and validates the scenario file: UsageError or ScenarioError when it cannot. */
export function readScenario(file: string): Scenario {
  let text: string;
  try {
    // a byte is at most one UTF-16 unit: a larger file cannot be a valid scenario
    if (statSync(file).size > MAX_SCENARIO_CHARS * 4) {
      throw new UsageError(`${file}: file is too large to be a scenario`);
    }
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if (err instanceof UsageError) throw err;
    const e = err as NodeJS.ErrnoException;
    throw new UsageError(
      `cannot read ${file}: ${e.code ?? e.message}${e.code ? ` (${sysText(e)})` : ''}`,
    );
  }
  return parseScenario(text);
}

function sysText(e: NodeJS.ErrnoException): string {
  // "ENOENT: no such file or directory, open 'x'" → "no such file or directory"
  const m = /^[A-Z]+: ([^,]+)/.exec(e.message);
  return m ? m[1]! : e.message;
}

/** The replay/explore options from the command line (flags only when some were given). */
export function kernelOptions(a: CliArgs): { era?: EraId; flags?: Partial<Flags> } {
  const o: { era?: EraId; flags?: Partial<Flags> } = {};
  if (a.era !== undefined) o.era = a.era;
  if (Object.keys(a.flags).length > 0) o.flags = a.flags;
  return o;
}

/** The flags that differ from the era's preset, as `name=value`. */
export function flagDiff(era: EraId, flags: Flags): string[] {
  const preset = ERAS[era];
  return FLAG_NAMES.filter((n) => flags[n] !== preset[n]).map((n) => `${n}=${String(flags[n])}`);
}

/** Where a ScenarioError points: ` (op 3, field "addr")`, or nothing. */
function location(e: ScenarioError): string {
  const parts: string[] = [];
  if (e.opIndex !== null) parts.push(`op ${e.opIndex}`);
  if (e.field !== null) parts.push(`field ${JSON.stringify(e.field)}`);
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

/** The exit code and the stderr text for an error thrown while running a command. */
export function failure(
  command: string,
  file: string,
  err: unknown,
): { code: number; text: string } {
  if (err instanceof UsageError) return { code: 2, text: `${command}: ${err.message}\n` };
  if (err instanceof ScenarioError) {
    return { code: 2, text: `${command}: ${file}: ${err.message}${location(err)}\n` };
  }
  const msg = err instanceof Error ? err.message : String(err);
  const debug = process.env.ANON_VMA_DEBUG === '1' && err instanceof Error && err.stack;
  return { code: 3, text: `${command}: internal error: ${msg}\n${debug ? `${err.stack}\n` : ''}` };
}

/** Run a command's main: its exit code, and a closed output pipe (`… | head`) is no error. */
export function runCli(main: (argv: string[]) => number): void {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  process.exitCode = main(process.argv.slice(2));
}
