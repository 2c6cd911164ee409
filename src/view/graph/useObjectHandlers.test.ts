import { describe, expect, it } from 'vitest';
import { highlightKey, lightsAnonVma, lightsVma } from './useObjectHandlers';

describe('hover and highlight keys', () => {
  it('splits an AVC id at its last slash', () => {});

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
