// For this folder's tests: a fork chain `depth` processes deep, each child writing the page it
// inherited (bench/bigScenarios.ts makes the 1,000-deep one the benchmarks load).
import type { Scenario } from '../../kernel';

export function chain(depth: number): Scenario {
  const ops: Scenario['ops'] = [
    { op: 'spawn', pid: 'P0' },
    { op: 'mmap', pid: 'P0', addr: 0, pages: 4 },
    { op: 'touch', pid: 'P0', addr: 0, write: true },
  ];
  for (let i = 1; i <= depth; i++) {
    ops.push({ op: 'fork', pid: `P${i - 1}`, child: `P${i}` });
    ops.push({ op: 'touch', pid: `P${i}`, addr: 0, write: true });
  }
  return { format: 'anon-vma-forest/scenario@1', title: 'chain', era: '6.1', ops };
}
