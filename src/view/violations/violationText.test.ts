import { describe, expect, it } from 'vitest';
import { VIOLATION_KINDS } from '../../kernel';
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
  it('names an unlock of a lock not held for what it is', () => {
    expect(
      violationText('unlocked-write', 'cpu1 released the lock of av2 without holding it').title,
    ).toBe('Unlock of a lock not held');
    expect(violationText('unlocked-write', 'linked into av0 without holding av0').title).toBe(
      'Write without the lock',
    );
  });
});
