import { describe, expect, it } from 'vitest';
import { paceGauge, RAPID_MS } from './pace';

describe('paceGauge', () => {
  it('calls a step rapid when it comes less than RAPID_MS after the one before', () => {
    const g = paceGauge();
    expect(g.tick(1000)).toBe(false); // the first step has nothing before it
    expect(g.tick(1000 + RAPID_MS - 1)).toBe(true);
    expect(g.tick(1000 + 2 * RAPID_MS)).toBe(false); // measured from the last step, not the first
    expect(g.tick(1000 + 3 * RAPID_MS)).toBe(false); // exactly RAPID_MS apart: not rapid
  });
});
