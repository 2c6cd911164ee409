// Golden step traces of the mailing-list races: each race's schedule replayed under its own era
// and flags, one line per micro-step (CPU, kernel function and line, what happened, the lock
// event), then the violations. A model change that alters a race's story shows up as a readable
// diff of src/scenarios/golden/<id>.txt; once it is reviewed, `npx vitest run -u` pins the new one.
import { describe, expect, it } from 'vitest';
import { replay } from '../kernel';
import type { Replay } from '../kernel';
import { ERAS, FLAG_NAMES } from '../kernel/flags';
import type { Scenario } from '../kernel/scenarioTypes';
import { builtinScenarios } from './index';

const races = builtinScenarios.filter((b) => b.id.startsWith('race-'));

/** The flags that differ from the era's preset, as `name=value`. */
function flagText(trace: Replay): string {
  const preset = ERAS[trace.era];
  const diff = FLAG_NAMES.filter((n) => trace.flags[n] !== preset[n]).map(
    (n) => `${n}=${String(trace.flags[n])}`,
  );
  return diff.length > 0 ? diff.join(' ') : 'as the era';
}

function goldenText(id: string, scenario: Scenario): string {
  const trace = replay(scenario);
  const width = String(trace.steps.length).length;
  const lines = [
    `# ${id}: ${scenario.title}`,
    `# era ${trace.era}, flags: ${flagText(trace)}`,
    `# ${trace.steps.length} micro-steps; step N cpuC op[.thread.op] fn:line text {lock event}`,
    '',
  ];
  trace.steps.forEach((s, i) => {
    const op = s.threadOp ? `${s.op}.${s.threadOp[0]}.${s.threadOp[1]}` : String(s.op);
    const lock = s.lock ? ` {${s.lock.kind} ${s.lock.owner} ${s.lock.mode}}` : '';
    lines.push(
      `${String(i + 1).padStart(width)} cpu${s.cpu} op${op} ${s.fn}:${s.line} ${s.text}${lock}`,
    );
  });
  lines.push('');
  if (trace.violations.length === 0) lines.push('no violation');
  for (const v of trace.violations)
    lines.push(`violation at step ${v.step}: ${v.kind} [${v.objects.join(' ')}] ${v.message}`);
  if (trace.stopped !== null) lines.push(`stopped: ${trace.stopped}`);
  return `${lines.join('\n')}\n`;
}

describe('golden step traces of the lkml races', () => {
  it('covers every race', () => {
    expect(races.map((r) => r.id)).toContain('race-8.1');
    expect(races.length).toBeGreaterThanOrEqual(12);
  });
  for (const { id, scenario } of races) {
    it(id, async () => {
      await expect(goldenText(id, scenario)).toMatchFileSnapshot(`./golden/${id}.txt`);
    });
  }
});
