// npm run bench: replay throughput on a large generated scenario, and explore on every
// built-in race (states, states/s, time). Figures go to stdout; BENCHMARKS.md records them.
import { ERA_IDS } from '../src/kernel/flags';
import { explore } from '../src/kernel/explore';
import { replay } from '../src/kernel/replay';
import { builtinScenarios } from '../src/scenarios';
import { bigScenario } from './generate';

function time<T>(f: () => T): [T, number] {
  const t = performance.now();
  const r = f();
  return [r, performance.now() - t];
}

function best<T>(runs: number, f: () => T): [T, number] {
  let out = time(f);
  for (let i = 1; i < runs; i++) {
    const r = time(f);
    if (r[1] < out[1]) out = r;
  }
  return out;
}

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

function replayBench(): void {
  const sc = bigScenario(Number(process.env['BENCH_GENERATIONS'] ?? 400));
  console.log(`\n## replay throughput (${sc.ops.length} ops, best of 5)\n`);
  console.log('| era | mode | micro-steps | ms | micro-steps/s |');
  console.log('| --- | --- | ---: | ---: | ---: |');
  for (const era of ERA_IDS) {
    const modes: [string, Parameters<typeof replay>[1]][] = [
      ['full (trace + checks)', { era }],
      ['raw (no trace, no checks)', { era, record: false, checks: false }],
    ];
    for (const [mode, opts] of modes) {
      const [r, ms] = best(5, () => replay(sc, opts));
      const steps =
        opts?.record === false ? r.opStarts.length && countSteps(sc, era) : r.steps.length;
      console.log(
        `| ${era} | ${mode} | ${fmt(steps)} | ${ms.toFixed(1)} | ${fmt((steps / ms) * 1000)} |`,
      );
    }
  }
}

const stepCache = new Map<string, number>();
function countSteps(sc: ReturnType<typeof bigScenario>, era: string): number {
  const hit = stepCache.get(era);
  if (hit !== undefined) return hit;
  const n = replay(sc, { era, checks: false }).steps.length;
  stepCache.set(era, n);
  return n;
}

function exploreBench(): void {
  console.log('\n## explore, every built-in race (best of 3)\n');
  console.log('| scenario | era + flags | states | complete runs | violation | ms | states/s |');
  console.log('| --- | --- | ---: | ---: | --- | ---: | ---: |');
  for (const { id, scenario } of builtinScenarios) {
    if (!id.startsWith('race-')) continue;
    const cases = [
      { era: scenario.era, flags: scenario.flags ?? {}, label: 'file' },
      ...(scenario.expect?.holds ?? []).map((h) => ({
        era: h.era,
        flags: h.flags ?? {},
        label: 'fix',
      })),
    ];
    const done = new Set<string>();
    for (const c of cases) {
      const key = `${c.era} ${JSON.stringify(c.flags)}`;
      if (done.has(key)) continue;
      done.add(key);
      const { flags: _f, ...rest } = scenario;
      const sc = Object.keys(c.flags).length ? { ...rest, flags: c.flags } : rest;
      const [r, ms] = best(3, () => explore(sc, { era: c.era }));
      const v = r.violations[0]?.kind ?? 'none';
      const tag = `${c.era} ${Object.entries(c.flags)
        .map(([k, x]) => `${k}=${String(x)}`)
        .join(' ')}`.trim();
      console.log(
        `| ${id} | ${tag} | ${fmt(r.explored)} | ${fmt(r.runs)} | ${v} | ${ms.toFixed(0)} | ${fmt((r.explored / ms) * 1000)} |`,
      );
    }
  }
}

console.log(`# anon-vma-forest benchmarks (node ${process.version})`);
if (process.argv.includes('--replay') || !process.argv.includes('--explore')) replayBench();
if (process.argv.includes('--explore') || !process.argv.includes('--replay')) exploreBench();
