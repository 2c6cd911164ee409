// The page's one keyboard dispatcher: every key of the shortcut tables (shortcuts.ts) goes through
// keyAction, which says what it does given the page's mode, and perform, which does it. A control
// that handles a key itself (the graph pane's zoom keys, a focused object's Enter, a compare
// pane's slider) calls preventDefault, and the dispatcher then leaves the key alone: nothing
// depends on listener order, capture phases or stopPropagation.
import type { PlaybackCommand } from '../../machine/playback';
import { eventForKey, HELP_KEY, ignoresKey, presenterActionForKey } from './shortcuts';
import type { KeyTarget } from './shortcuts';

export type KeyAction =
  | { kind: 'playback'; event: PlaybackCommand }
  | { kind: 'lecture' }
  /** the next (1) or previous (-1) caption; a clicker (PageDown/PageUp) goes on op by op after */
  | { kind: 'stop'; dir: 1 | -1; clicker: boolean }
  | { kind: 'help'; open: boolean };

export interface KeyContext {
  /** lecture mode is on (PageDown / PageUp walk the captions) */
  lecture: boolean;
  /** the presenter keys apply (the full page; not an embed) */
  presenter: boolean;
  helpOpen: boolean;
}

export interface KeyLike {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  /** absent: not held */
  shiftKey?: boolean;
  defaultPrevented: boolean;
}

/** What `e` does on the page, or null (a key of no shortcut, or one a control handled). */
export function keyAction(e: KeyLike, target: KeyTarget | null, ctx: KeyContext): KeyAction | null {
  if (e.defaultPrevented || ignoresKey(e, target)) return null;
  if (e.key === HELP_KEY) return { kind: 'help', open: !ctx.helpOpen };
  if (e.key === 'Escape') return ctx.helpOpen ? { kind: 'help', open: false } : null;
  // presenter keys first: in lecture mode PageDown / PageUp belong to the captions
  const presenter = ctx.presenter ? presenterActionForKey(e.key, ctx.lecture) : null;
  if (presenter === 'lecture') return { kind: 'lecture' };
  if (presenter !== null) {
    const clicker = e.key === 'PageDown' || e.key === 'PageUp';
    return { kind: 'stop', dir: presenter === 'next-narrated' ? 1 : -1, clicker };
  }
  const event = eventForKey(e.key, e.shiftKey === true);
  return event ? { kind: 'playback', event } : null;
}

export interface KeyTargets {
  send: (event: PlaybackCommand) => void;
  can: (event: PlaybackCommand) => boolean;
  toggleLecture: () => void;
  setHelpOpen: (open: boolean) => void;
}

/** Does what keyAction said. */
export function perform(action: KeyAction, to: KeyTargets): void {
  switch (action.kind) {
    case 'playback':
      to.send(action.event);
      return;
    case 'lecture':
      to.toggleLecture();
      return;
    case 'help':
      to.setHelpOpen(action.open);
      return;
    case 'stop': {
      const stop: PlaybackCommand = { type: action.dir > 0 ? 'NEXT_STOP' : 'PREV_STOP' };
      if (to.can(stop)) to.send(stop);
      // past the last caption a clicker still moves on, op by op
      else if (action.clicker) to.send({ type: action.dir > 0 ? 'NEXT_OP' : 'PREV_OP' });
    }
  }
}
