// The built-in scenarios: one Contract 1 file each, parsed (validated) when first used. The page
// starts with the one it opens; start.tsx parses the others a few per task before the first
// render, so none of it is one long task (scenarios.test.ts parses every one).
import { parseScenario } from '../kernel/scenario';
import type { Scenario } from '../kernel/scenarioTypes';
import growth88 from './growth-8.8-endless-chain.json';
import race2012 from './race-2012-lockless-rmap-walk.json';
import race81 from './race-8.1-vma-adjust-vs-migration.json';
import race81b from './race-8.1b-expand-stack-vs-migration.json';
import race82 from './race-8.2-lock-dance.json';
import race84 from './race-8.4-root-freed-under-ksm.json';
import race85 from './race-8.5-take-all-locks-deadlock.json';
import race86 from './race-8.6-stale-root.json';
import raceDecThenLock from './race-ksm-dec-then-lock.json';
import race83 from './race-8.3-lock-deepest.json';
import race87 from './race-8.7-root-freed-first.json';
import race89 from './race-8.9-degree-ambiguity.json';
import race810 from './race-8.10-insertion-order.json';
import threadHierarchy2014 from './thread-2014-hierarchy.json';
import thread4of5Brk from './thread-4of5-v1-v2-brk.json';
import threadKameQuestions from './thread-kame-questions.json';
import tourForkCow from './tour-fork-and-cow.json';
import tourIntervalTree from './tour-interval-tree.json';
import tourSplitMerge from './tour-split-and-merge.json';
import tourWhatIs from './tour-what-is-an-anon-vma.json';
import tourWhyChain from './tour-why-the-chain.json';
import tourWhyRootLock from './tour-why-the-root-lock.json';
import tourSince2010 from './tour-since-2010.json';

export interface BuiltinScenario {
  readonly id: string;
  /** the parsed file (parsed on first read) */
  readonly scenario: Scenario;
}

const parsed = new Map<string, Scenario>();

function builtin(id: string, json: unknown): BuiltinScenario {
  return {
    id,
    get scenario() {
      let scenario = parsed.get(id);
      if (!scenario) {
        scenario = parseScenario(json);
        parsed.set(id, scenario);
      }
      return scenario;
    },
  };
}

const files: [string, unknown][] = [
  ['fork-and-cow', tourForkCow],
  ['tour-what-is-an-anon-vma', tourWhatIs],
  ['tour-why-the-chain', tourWhyChain],
  ['tour-split-and-merge', tourSplitMerge],
  ['tour-why-the-root-lock', tourWhyRootLock],
  ['tour-interval-tree', tourIntervalTree],
  ['tour-since-2010', tourSince2010],
  ['thread-4of5-brk', thread4of5Brk],
  ['thread-kame-questions', threadKameQuestions],
  ['thread-2014-hierarchy', threadHierarchy2014],
  ['race-8.1', race81],
  ['race-8.1b', race81b],
  ['race-8.2', race82],
  ['race-8.3', race83],
  ['race-8.4', race84],
  ['race-8.5', race85],
  ['race-8.6', race86],
  ['race-dec-then-lock', raceDecThenLock],
  ['race-8.7', race87],
  ['race-8.9', race89],
  ['race-8.10', race810],
  ['race-2012-lockless', race2012],
  ['growth-8.8', growth88],
];

export const builtinScenarios: readonly BuiltinScenario[] = files.map(([id, json]) =>
  builtin(id, json),
);

/** Parses up to `count` built-ins not parsed yet; true once every one is. */
export function parseMoreBuiltins(count: number): boolean {
  let left = count;
  for (const b of builtinScenarios) {
    if (parsed.has(b.id)) continue;
    if (left-- === 0) return false;
    void b.scenario;
  }
  return true;
}
