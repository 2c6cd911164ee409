// The two big scenarios of issue 11, generated rather than committed (each is ~100 KB):
// a fork chain 1,000 processes deep (spawn, mmap, touch, then fork + touch down the chain:
// 2,003 ops) and 1,000 forks of one parent (each child writes the page: 2,003 ops).
// `npx tsx bench/bigScenarios.ts chain|fan [N] > FILE.json` writes one.
import type { Op, Scenario } from '../src/kernel/scenarioTypes';

const head = (): Op[] => [
  { op: 'spawn', pid: 'P0' },
  { op: 'mmap', pid: 'P0', addr: 0, pages: 4 },
  { op: 'touch', pid: 'P0', addr: 0, write: true },
];

export function forkChain(depth = 1000): Scenario {
  const ops = head();
  for (let i = 1; i <= depth; i++) {
    ops.push({ op: 'fork', pid: `P${i - 1}`, child: `P${i}` });
    ops.push({ op: 'touch', pid: `P${i}`, addr: 0, write: true });
  }
  return {
    format: 'anon-vma-forest/scenario@1',
    title: `A fork chain ${depth} processes deep`,
    era: '6.1',
    ops,
  };
}

export function forkFan(children = 1000): Scenario {
  const ops = head();
  for (let i = 1; i <= children; i++) {
    ops.push({ op: 'fork', pid: 'P0', child: `C${i}` });
    ops.push({ op: 'touch', pid: `C${i}`, addr: 0, write: true });
  }
  return {
    format: 'anon-vma-forest/scenario@1',
    title: `${children} forks of one parent`,
    era: '6.1',
    ops,
  };
}

if (process.argv[1]?.endsWith('bigScenarios.ts')) {
  const [kind = 'chain', n] = process.argv.slice(2);
  const sc =
    kind === 'fan' ? forkFan(n ? Number(n) : undefined) : forkChain(n ? Number(n) : undefined);
  process.stdout.write(`${JSON.stringify(sc, null, 1)}\n`);
}
