import { describe, expect, it } from 'vitest';
import { VIOLATION_KINDS } from '../kernel';
import { violationText } from './violationText';

describe('violationText', () => {
  it('explains every kind the model reports, in a sentence or two', () => {
    for (const kind of VIOLATION_KINDS) {
      const t = violationText(kind);
      expect(t.title).not.toBe(kind);
      expect(t.explain.length).toBeGreaterThan(40);
      expect(
        t.explain.split(/[.!?](\s|$)/).filter((x) => x.trim().length > 1).length,
      ).toBeLessThanOrEqual(2);
    }
  });
  it('falls back for an unknown kind', () => {
    expect(violationText('new-kind').title).toBe('new-kind');
  });
});
