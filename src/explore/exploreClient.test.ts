import { describe, expect, it } from 'vitest';
import { builtinScenarios } from '../scenarios';
import { startExplore } from './exploreClient';

const race81 = builtinScenarios.find((b) => b.id === 'race-8.1')!.scenario;

describe('startExplore (main-thread fallback in node)', () => {
  it('finds the 8.1 race under 2.6.34 and reports progress', async () => {
    const seen: number[] = [];
    const r = await startExplore({ scenario: race81, era: '2.6.34' }, (p) => seen.push(p.explored))
      .result;
    expect(r.violations.length).toBeGreaterThan(0);
    expect(r.schedule.length).toBeGreaterThan(0);
  });
  it('says honestly how many interleavings had no violation under 2.6.36', async () => {
    const r = await startExplore({ scenario: race81, era: '2.6.36' }, () => undefined).result;
    expect(r.violations).toEqual([]);
    expect(r.complete).toBe(true);
    expect(r.runs).toBeGreaterThan(0);
  });
});
