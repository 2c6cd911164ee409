import { describe, expect, it } from 'vitest';
import { eventForKey, presenterActionForKey, PRESENTER_SHORTCUTS } from './shortcuts';

describe('presenter keys', () => {
  it('toggle lecture mode and walk the narration', () => {
    expect(presenterActionForKey('p', false)).toBe('lecture');
    expect(presenterActionForKey('.', false)).toBe('next-narrated');
    expect(presenterActionForKey(',', true)).toBe('prev-narrated');
  });
  it('take PageDown / PageUp from the op jumps only in lecture mode', () => {
    expect(presenterActionForKey('PageDown', false)).toBeNull();
    expect(presenterActionForKey('PageDown', true)).toBe('next-narrated');
    expect(presenterActionForKey('PageUp', true)).toBe('prev-narrated');
  });
  it('never shadow a playback key outside lecture mode', () => {
    for (const s of PRESENTER_SHORTCUTS)
      if (s.lectureOnly !== true) for (const k of s.keys) expect(eventForKey(k)).toBeNull();
  });
});
