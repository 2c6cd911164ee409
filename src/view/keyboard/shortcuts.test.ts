import { describe, expect, it } from 'vitest';
import { eventForKey, ignoresKey, SHORTCUTS } from './shortcuts';

const key = (
  k: string,
  mods: Partial<{ altKey: boolean; ctrlKey: boolean; metaKey: boolean }> = {},
) => ({
  key: k,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  ...mods,
});

describe('shortcuts', () => {
  it('maps the documented keys to playback events', () => {
    expect(eventForKey(' ')).toEqual({ type: 'TOGGLE' });
    expect(eventForKey('ArrowRight')).toEqual({ type: 'STEP' });
    expect(eventForKey('Home')).toEqual({ type: 'START' });
    expect(eventForKey(']')).toEqual({ type: 'NEXT_OP' });
    expect(eventForKey('PageUp')).toEqual({ type: 'PREV_OP' });
    expect(eventForKey('v')).toEqual({ type: 'NEXT_VIOLATION' });
    expect(eventForKey('N')).toEqual({ type: 'PREV_VIOLATION' });
    expect(eventForKey('+')).toEqual({ type: 'SPEED', by: 1 });
    expect(eventForKey('x')).toBeNull();
    // Shift with an arrow: one micro-step, whatever it changes; Shift with a letter is its capital
    expect(eventForKey('ArrowRight', true)).toEqual({ type: 'STEP_ONE' });
    expect(eventForKey('ArrowLeft', true)).toEqual({ type: 'BACK_ONE' });
    expect(eventForKey('ArrowLeft')).toEqual({ type: 'BACK' });
    expect(eventForKey('V', true)).toEqual({ type: 'PREV_VIOLATION' });
  });

  it('gives every key one meaning', () => {
    const keys = SHORTCUTS.flatMap((s) => s.keys);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('leaves typing, modifiers and button activation alone', () => {
    expect(ignoresKey(key('ArrowRight'), { tagName: 'INPUT' })).toBe(true);
    expect(ignoresKey(key('v'), { tagName: 'TEXTAREA' })).toBe(true);
    expect(ignoresKey(key('v'), { tagName: 'DIV', isContentEditable: true })).toBe(true);
    expect(ignoresKey(key('ArrowRight', { ctrlKey: true }), null)).toBe(true);
    expect(ignoresKey(key(' '), { tagName: 'BUTTON' })).toBe(true);
    expect(ignoresKey(key('ArrowRight'), { tagName: 'BUTTON' })).toBe(false);
    expect(ignoresKey(key(' '), { tagName: 'DIV' })).toBe(false);
    expect(ignoresKey(key(' '), null)).toBe(false);
    // a checkbox takes Space; the arrows still step (a range input keeps them)
    expect(ignoresKey(key(' '), { tagName: 'INPUT', type: 'checkbox' })).toBe(true);
    expect(ignoresKey(key('ArrowRight'), { tagName: 'INPUT', type: 'checkbox' })).toBe(false);
    expect(ignoresKey(key('ArrowRight'), { tagName: 'INPUT', type: 'range' })).toBe(true);
  });
});
