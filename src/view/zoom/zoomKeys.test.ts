import { describe, expect, it } from 'vitest';
import { zoomKeyAction } from './zoomKeys';

const key = (k: string, mods: Partial<{ shiftKey: boolean; ctrlKey: boolean }> = {}) => ({
  key: k,
  shiftKey: false,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  ...mods,
});

describe('graph pane keys', () => {
  it('zooms with + and -, resets with 0, fits with F', () => {
    expect(zoomKeyAction(key('+'))).toEqual({ type: 'zoom', direction: 1 });
    expect(zoomKeyAction(key('='))).toEqual({ type: 'zoom', direction: 1 });
    expect(zoomKeyAction(key('-'))).toEqual({ type: 'zoom', direction: -1 });
    expect(zoomKeyAction(key('0'))).toEqual({ type: 'reset' });
    expect(zoomKeyAction(key('f'))).toEqual({ type: 'fit' });
    expect(zoomKeyAction(key('w'))).toEqual({ type: 'whole' });
  });

  it('leaves plain arrows to playback and pans with Shift+arrow', () => {
    expect(zoomKeyAction(key('ArrowRight'))).toBeNull();
    expect(zoomKeyAction(key('ArrowRight', { shiftKey: true }))).toEqual({
      type: 'pan',
      dx: 1,
      dy: 0,
    });
    expect(zoomKeyAction(key('ArrowUp', { shiftKey: true }))).toEqual({
      type: 'pan',
      dx: 0,
      dy: -1,
    });
  });

  it('ignores browser shortcuts (Ctrl+0, Ctrl++) and other keys', () => {
    expect(zoomKeyAction(key('0', { ctrlKey: true }))).toBeNull();
    expect(zoomKeyAction(key('+', { ctrlKey: true }))).toBeNull();
    expect(zoomKeyAction(key(' '))).toBeNull();
  });
});
