// npx tsx bench/layout.ts [chain|fan] [N]: the pure layout of a big forest (what the page runs
// on load: sample the trace, collect the universe, lay out the matrix), timed step by step.
import { replay } from '../src/kernel/replay';
import { matrixLayout } from '../src/view/layout/matrixLayout';
import { collectUniverse, sampleCursors } from '../src/view/layout/universe';
import { forkChain, forkFan } from './bigScenarios';

export function layoutBench(kind: 'chain' | 'fan', n: number) {
  const sc = kind === 'chain' ? forkChain(n) : forkFan(n);
  const t = [performance.now()];
  const r = replay(sc);
  t.push(performance.now());
  const cursors = sampleCursors(r.steps.length, r.opStarts);
  const states = r.statesAt(cursors);
  t.push(performance.now());
  const u = collectUniverse(cursors.map((c, i) => ({ cursor: c, state: states[i]! })));
  t.push(performance.now());
  const layout = matrixLayout(u);
  t.push(performance.now());
  const ms = t.slice(1).map((x, i) => Math.round(x - t[i]!));
  return {
    steps: r.steps.length,
    samples: cursors.length,
    columns: Object.keys(layout.columnX).length,
    rows: Object.keys(layout.vmaY).length,
    replayMs: ms[0]!,
    statesMs: ms[1]!,
    universeMs: ms[2]!,
    layoutMs: ms[3]!,
  };
}

if (process.argv[1]?.endsWith('layout.ts')) {
  const [kind = 'fan', n = '1000'] = process.argv.slice(2);
  console.log(JSON.stringify(layoutBench(kind === 'chain' ? 'chain' : 'fan', Number(n))));
}
