// `npm run replay -- FILE.json [--json] [--check] [--era ERA] [--flag name=value]...`
// Replays a scenario headlessly and prints the final forest and the violations.
// Exit codes: 0 ok, 1 violations with --check, 2 bad file or arguments, 3 internal error.
import { isEraId } from '../kernel/flags';
import { replay } from '../kernel/replay';
import type { Scenario } from '../kernel/scenarioTypes';
import { failure, kernelOptions, parseArgs, readScenario, runCli, usage } from './args';
import type { CliArgs, CliSpec } from './args';
import { formatReplay } from './format';

const SPEC: CliSpec = { command: 'replay', check: true, maxStates: false };

interface Output {
  text: string;
  code: number;
}

function run(sc: Scenario, a: CliArgs): Output {
  // the command line prints no trace: steps are counted, not kept (a big scenario's trace alone
  // would take a gigabyte)
  const r = replay(sc, { ...kernelOptions(a), record: false });
  if (!isEraId(r.era)) throw new Error(`replay returned an unknown era ${r.era}`);
  const forest = r.forest();
  const code = a.check && r.violations.length > 0 ? 1 : 0;
  if (a.json) {
    return { text: `${JSON.stringify({ forest, violations: r.violations }, null, 2)}\n`, code };
  }
  const text = formatReplay({
    title: sc.title,
    era: r.era,
    flags: r.flags,
    steps: r.taken,
    stopped: r.stopped,
    counts: r.counts,
    violations: r.violations,
    forest,
  });
  return { text, code };
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
    const out = run(readScenario(a.file), a);
    process.stdout.write(out.text);
    return out.code;
  } catch (err) {
    const f = failure(SPEC.command, file, err);
    process.stderr.write(f.text);
    return f.code;
  }
}

runCli(main);
