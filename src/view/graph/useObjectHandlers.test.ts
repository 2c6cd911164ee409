import { describe, expect, it } from 'vitest';
import { highlightKey, lightsAnonVma, lightsVma, splitAvcId } from './useObjectHandlers';

describe('hover and highlight keys', () => {
  it('splits an AVC id at its last slash', () => {
    expect(splitAvcId('P.c1:0/av3')).toEqual({ vma: 'P.c1:0', anonVma: 'av3' });
    expect(splitAvcId('a/b:0/av1')).toEqual({ vma: 'a/b:0', anonVma: 'av1' });
    expect(splitAvcId('av1')).toBeNull();
  });

  it('lights both lists of an AVC and nothing else', () => {
    expect(lightsVma('C:0/av0', 'C:0')).toBe(true);
    expect(lightsAnonVma('C:0/av0', 'av0')).toBe(true);
    expect(lightsVma('C:0/av0', 'P:0')).toBe(false);
    expect(lightsAnonVma('C:0/av0', 'av1')).toBe(false);
    expect(lightsVma('C:0', 'C:0')).toBe(true);
    expect(lightsVma(null, 'C:0')).toBe(false);
  });

  it('falls back from hover to the selected VMA, anon_vma or AVC, never a page', () => {
    expect(highlightKey({ hovered: 'av1', selected: { kind: 'avc', id: 'C:0/av0' } })).toBe('av1');
    expect(highlightKey({ hovered: null, selected: { kind: 'avc', id: 'C:0/av0' } })).toBe(
      'C:0/av0',
    );
    expect(highlightKey({ hovered: null, selected: { kind: 'page', id: 'P:0' } })).toBeNull();
    expect(highlightKey({ hovered: null, selected: null })).toBeNull();
  });
});
