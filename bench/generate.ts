// A large deterministic scenario for throughput: a process forks a stream of children that
// write, split, merge, unmap, migrate, expand and exit, so every operation runs many times.
import type { Op, Scenario } from '../src/kernel/scenarioTypes';

/** Seeded LCG (as d3-force's lcg.js): the same scenario every run. */
export function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(1664525, s) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

export function bigScenario(generations: number, seed = 1): Scenario {
  const rnd = lcg(seed);
  const pick = (n: number): number => Math.floor(rnd() * n);
  const ops: Op[] = [
    { op: 'spawn', pid: 'P' },
    { op: 'mmap', pid: 'P', addr: 0, pages: 32 },
    { op: 'mmap', pid: 'P', addr: 100, pages: 8, growsdown: true },
  ];
  for (let a = 0; a < 32; a += 2) ops.push({ op: 'touch', pid: 'P', addr: a, write: true });
  ops.push({ op: 'touch', pid: 'P', addr: 104, write: true });
  let live: string[] = [];
  for (let g = 0; g < generations; g++) {
    const parent = live.length > 0 && rnd() < 0.5 ? live[pick(live.length)]! : 'P';
    const child = `C${g}`;
    ops.push({ op: 'fork', pid: parent, child });
    live.push(child);
    for (let i = 0; i < 3; i++) ops.push({ op: 'touch', pid: child, addr: pick(28), write: true });
    const at = 1 + pick(18);
    ops.push({ op: 'mprotect', pid: child, addr: at, pages: 2, prot: 'r' });
    ops.push({ op: 'mprotect', pid: child, addr: at, pages: 2, prot: 'rw' });
    ops.push({ op: 'migrate', pid: 'P', addr: 2 * pick(16) });
    if (g % 5 === 0) ops.push({ op: 'expand', pid: child, addr: 100, pages: 1 });
    if (g % 3 === 0) ops.push({ op: 'munmap', pid: child, addr: 28 + pick(4), pages: 1 });
    if (live.length > 12) {
      const i = pick(live.length);
      ops.push({ op: 'exit', pid: live[i]! });
      live = live.filter((_, j) => j !== i);
    }
  }
  return {
    format: 'anon-vma-forest/scenario@1',
    title: `generated: ${generations} generations`,
    era: '6.1',
    ops,
  };
}
