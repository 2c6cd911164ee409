import { describe, expect, it } from 'vitest';
import { FLAG_NAMES, FLAG_SPECS } from '../kernel/flags';
import { citationUrl } from './citations';
import { PATCHES, patchFor } from './patches';

describe('patches', () => {
  it('describes every flag exactly once', () => {
    for (const flag of FLAG_NAMES) expect(patchFor(flag), flag).toBeDefined();
    expect(PATCHES.map((p) => p.flag).sort()).toEqual([...FLAG_NAMES].sort());
  });

  it('explains every value of an enum flag and nothing else', () => {
    for (const p of PATCHES) {
      const spec = FLAG_SPECS[p.flag];
      if (spec.kind === 'enum')
        expect(Object.keys(p.values ?? {}).sort(), p.flag).toEqual([...spec.values].sort());
      else expect(p.values, p.flag).toBeUndefined();
    }
  });

  it('cites each with an author, a date and a subject; links go to lore or git.kernel.org', () => {
    for (const p of PATCHES) {
      expect(p.cites.length, p.flag).toBeGreaterThan(0);
      for (const c of p.cites) {
        expect(c.author).not.toBe('');
        expect(c.date).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
        expect(c.subject).not.toBe('');
        const url = citationUrl(c);
        if (url !== null) expect(url).toMatch(/^https:\/\/(lore|git)\.kernel\.org\//);
      }
    }
    expect(citationUrl({ author: 'a', date: '2010', subject: 's', messageId: 'x@y' })).toBe(
      'https://lore.kernel.org/all/x@y/',
    );
  });
});
