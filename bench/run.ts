// npm run bench: replay throughput on a large generated scenario, explore on every built-in race
// and on the 3- and 4-CPU blocks of bench/explore/ (classes, states, time, memory), and the two
// big scenarios replayed and laid out. Figures go to stdout; BENCHMARKS.md records them.
// `--replay`, `--explore`, `--scale` or `--big` runs one part.
import { ERA_IDS } from '../src/kernel/flags';
import { explore } from '../src/kernel/explore';
import { replay } from '../src/kernel/replay';
import { builtinScenarios } from '../src/scenarios';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseScenario } from '../src/kernel/scenario';
import { forkChain, forkFan } from './bigScenarios';
import { bigScenario } from './generate';
import { layoutBench } from './layout';

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
  console.log('| scenario | era + flags | classes | states | first violation | shortest | ms |');
  console.log('| --- | --- | ---: | ---: | --- | --- | ---: |');
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
      const shortest = r.violations.length > 0 ? (r.shortest ? 'yes' : 'no') : '–';
      console.log(
        `| ${id} | ${tag} | ${fmt(r.runs)} | ${fmt(r.explored)} | ${v} | ${shortest} | ${ms.toFixed(0)} |`,
      );
    }
  }
}

/** Explore on the bench/explore/ blocks, bounded as the command line is by default. */
function scaleBench(): void {
  console.log('\n## explore at scale (bench/explore/, bounds: 1,000,000 states, 300 s)\n');
  console.log('| file | era | classes | states | micro-steps | ms | heap MB | result |');
  console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |');
  const dir = 'bench/explore';
  for (const f of readdirSync(dir)
    .filter((x) => x.endsWith('.json'))
    .sort()) {
    const sc = parseScenario(readFileSync(join(dir, f), 'utf8'));
    globalThis.gc?.();
    let peak = 0;
    const [r, ms] = time(() =>
      explore(sc, {
        maxStates: 1_000_000,
        maxSeconds: Number(process.env['BENCH_MAX_SECONDS'] ?? 300),
        progressMs: 500,
        progress: () => ((peak = Math.max(peak, process.memoryUsage().heapUsed)), true),
      }),
    );
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    const result =
      r.violations.length > 0
        ? r.violations[0]!.kind
        : r.complete
          ? 'no violation (complete)'
          : `cut short: ${r.stoppedBy}`;
    console.log(
      `| ${f} | ${sc.era} | ${fmt(r.runs)} | ${fmt(r.explored)} | ${fmt(r.steps)} | ${ms.toFixed(0)} | ${fmt(peak / 1e6)} | ${result} |`,
    );
  }
}

/** The two big scenarios: replay as the command line does, and the pure layout. */
function bigBench(): void {
  console.log('\n## big scenarios (2,003 ops each)\n');
  console.log('| scenario | era | micro-steps | replay ms | heap MB |');
  console.log('| --- | --- | ---: | ---: | ---: |');
  for (const [name, sc] of [
    ['1,000-deep fork chain', forkChain(1000)],
    ['1,000 forks of one parent', forkFan(1000)],
  ] as const) {
    for (const era of ['6.1', '2.6.36']) {
      globalThis.gc?.();
      const [r, ms] = best(3, () => replay(sc, { era, record: false }));
      console.log(
        `| ${name} | ${era} | ${fmt(r.taken)} | ${ms.toFixed(0)} | ${fmt(process.memoryUsage().heapUsed / 1e6)} |`,
      );
    }
  }
  console.log(
    '\n| layout | micro-steps | sampled states | build the states ms | universe ms | matrix layout ms |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const [kind, n] of [
    ['fan', 1000],
    ['chain', 400],
  ] as const) {
    const b = layoutBench(kind, n);
    console.log(
      `| ${kind === 'fan' ? `${n} forks of one parent` : `fork chain ${n} deep`} | ${fmt(b.steps)} | ${b.samples} | ${b.statesMs} | ${b.universeMs} | ${b.layoutMs} |`,
    );
  }
}

const parts = ['--replay', '--explore', '--scale', '--big'].filter((p) => process.argv.includes(p));
const all = parts.length === 0;
console.log(`# anon-vma-forest benchmarks (node ${process.version})`);
if (all || parts.includes('--replay')) replayBench();
if (all || parts.includes('--explore')) exploreBench();
if (all || parts.includes('--scale')) scaleBench();
if (all || parts.includes('--big')) bigBench();
