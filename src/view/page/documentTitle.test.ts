import { describe, expect, it } from 'vitest';
import { documentTitle } from './documentTitle';

describe('documentTitle', () => {
  it('names the scenario and the era, then the app', () => {
    expect(documentTitle('vma_adjust vs migration', '2.6.34')).toBe(
      'vma_adjust vs migration — 2.6.34 — anon-vma-forest',
    );
  });
  it('folds whitespace and leaves out what is missing', () => {
    expect(documentTitle('  a\n  b ', null)).toBe('a b — anon-vma-forest');
    expect(documentTitle(null, null)).toBe('anon-vma-forest');
  });
});
