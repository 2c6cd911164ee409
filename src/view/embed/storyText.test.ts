import { describe, expect, it } from 'vitest';
import { catalog } from '../../session/catalog';
import { traceFor } from '../../session/traces';
import { captionAt, stepLine } from './storyText';

const entry = catalog.find((e) => e.id === 'race-8.1')!;
const replay = traceFor({ scenario: entry.scenario, era: entry.scenario.era });
if (!replay.ok) throw new Error(replay.error);
const trace = replay.trace;

describe('the embed story', () => {
  it('says the step 0 state, then each step with its CPU, op and text', () => {
    expect(stepLine(entry.scenario, trace.steps, 0)).toEqual({
      where: `Step 0 / ${trace.steps.length}`,
      what: 'The initial state, before the first op.',
    });
    const line = stepLine(entry.scenario, trace.steps, 5);
    expect(line.where).toMatch(new RegExp(`^Step 5 / ${trace.steps.length} · cpu\\d+ · op \\d+: `));
    expect(line.what).toBe(trace.steps[4]!.text);
  });
  it('always has a caption for a described scenario', () => {
    for (let c = 0; c <= trace.steps.length; c += 7)
      expect(captionAt(entry.scenario, trace.opStarts, c)).not.toBeNull();
  });
});
