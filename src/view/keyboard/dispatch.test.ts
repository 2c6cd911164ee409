import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import type { PlaybackCommand } from '../../machine/playback';
import { playbackMachine } from '../../machine/playback';
import { keyAction, perform } from './dispatch';
import type { KeyContext } from './dispatch';

const press = (key: string, more: Partial<{ defaultPrevented: boolean }> = {}) => ({
  key,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  defaultPrevented: false,
  ...more,
});
const page: KeyContext = { lecture: false, presenter: true, helpOpen: false };

describe('the keyboard dispatcher', () => {
  it('maps keys to playback, presenter and help actions', () => {
    expect(keyAction(press('ArrowRight'), null, page)).toEqual({
      kind: 'playback',
      event: { type: 'STEP' },
    });
    expect(keyAction(press('p'), null, page)).toEqual({ kind: 'lecture' });
    expect(keyAction(press('.'), null, page)).toEqual({ kind: 'stop', dir: 1, clicker: false });
    expect(keyAction(press('?'), null, page)).toEqual({ kind: 'help', open: true });
    expect(keyAction(press('Escape'), null, page)).toBeNull();
    expect(keyAction(press('Escape'), null, { ...page, helpOpen: true })).toEqual({
      kind: 'help',
      open: false,
    });
  });

  it('gives PageDown to the captions in lecture mode only', () => {
    expect(keyAction(press('PageDown'), null, page)).toEqual({
      kind: 'playback',
      event: { type: 'NEXT_OP' },
    });
    expect(keyAction(press('PageDown'), null, { ...page, lecture: true })).toEqual({
      kind: 'stop',
      dir: 1,
      clicker: true,
    });
    expect(keyAction(press('p'), null, { ...page, presenter: false })).toBeNull();
  });

  it('leaves a key alone when a control handled it, or when typing', () => {
    expect(keyAction(press('+', { defaultPrevented: true }), null, page)).toBeNull();
    expect(keyAction(press('ArrowRight'), { tagName: 'INPUT' }, page)).toBeNull();
  });

  it('walks the captions, and a clicker goes on op by op past the last one', () => {
    const actor = createActor(playbackMachine, {
      input: {
        trace: {
          steps: Array.from({ length: 9 }, () => ({})),
          opStarts: [0, 3, 6],
          violations: [],
        },
        narration: [{ op: 1, text: 'b' }],
      },
    }).start();
    const to = {
      send: (e: PlaybackCommand) => actor.send(e),
      can: (e: PlaybackCommand) => actor.getSnapshot().can(e),
      toggleLecture: () => {},
      setHelpOpen: () => {},
    };
    const cursor = () => actor.getSnapshot().context.cursor;
    perform({ kind: 'stop', dir: 1, clicker: true }, to);
    expect(cursor()).toBe(6);
    perform({ kind: 'stop', dir: 1, clicker: false }, to);
    expect(cursor()).toBe(6);
    perform({ kind: 'stop', dir: 1, clicker: true }, to);
    expect(cursor()).toBe(7);
  });
});
