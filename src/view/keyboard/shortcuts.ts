// The playback keyboard shortcuts as data (Excalidraw's keyTest idea): one table drives both the
// key handler and the help popover, so they never disagree.
import type { PlaybackCommand } from '../../machine/playback';

export interface Shortcut {
  /** KeyboardEvent.key values; `Shift+` before a key that Shift does not change (an arrow) */
  keys: readonly string[];
  /** how the keys are shown in the help */
  label: string;
  does: string;
  event: PlaybackCommand;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { keys: [' '], label: 'Space', does: 'Play / pause', event: { type: 'TOGGLE' } },
  {
    keys: ['ArrowRight'],
    label: '→',
    does: 'Next change in the graph (every micro-step when that is on)',
    event: { type: 'STEP' },
  },
  {
    keys: ['ArrowLeft'],
    label: '←',
    does: 'Previous change in the graph',
    event: { type: 'BACK' },
  },
  {
    keys: ['Shift+ArrowRight'],
    label: 'Shift+→',
    does: 'One micro-step forward',
    event: { type: 'STEP_ONE' },
  },
  {
    keys: ['Shift+ArrowLeft'],
    label: 'Shift+←',
    does: 'One micro-step back',
    event: { type: 'BACK_ONE' },
  },
  { keys: ['Home'], label: 'Home', does: 'First step', event: { type: 'START' } },
  { keys: ['End'], label: 'End', does: 'Last step', event: { type: 'END' } },
  {
    keys: [']', 'PageDown'],
    label: '] / PgDn',
    does: 'Next operation',
    event: { type: 'NEXT_OP' },
  },
  {
    keys: ['[', 'PageUp'],
    label: '[ / PgUp',
    does: 'Previous operation',
    event: { type: 'PREV_OP' },
  },
  { keys: ['v', 'n'], label: 'v / n', does: 'Next violation', event: { type: 'NEXT_VIOLATION' } },
  {
    keys: ['V', 'N'],
    label: 'V / N',
    does: 'Previous violation',
    event: { type: 'PREV_VIOLATION' },
  },
  { keys: ['l'], label: 'l', does: 'Next lock taken', event: { type: 'NEXT_LOCK' } },
  { keys: ['L'], label: 'L', does: 'Previous lock taken', event: { type: 'PREV_LOCK' } },
  { keys: ['+', '='], label: '+', does: 'Faster', event: { type: 'SPEED', by: 1 } },
  { keys: ['-', '_'], label: '−', does: 'Slower', event: { type: 'SPEED', by: -1 } },
];

/** What a presenter key does (the keyboard dispatcher, keyboard/dispatch.ts, acts on it). */
export type PresenterAction = 'lecture' | 'next-narrated' | 'prev-narrated';

export interface PresenterShortcut {
  keys: readonly string[];
  label: string;
  does: string;
  action: PresenterAction;
  /** only while lecture mode is on (clickers send PageDown / PageUp) */
  lectureOnly?: boolean;
}

/** Lecture mode's keys, listed in the help after the playback keys. */
export const PRESENTER_SHORTCUTS: readonly PresenterShortcut[] = [
  { keys: ['p', 'P'], label: 'p', does: 'Lecture mode on / off', action: 'lecture' },
  { keys: ['.'], label: '.', does: 'Next narrated operation', action: 'next-narrated' },
  { keys: [','], label: ',', does: 'Previous narrated operation', action: 'prev-narrated' },
  {
    keys: ['PageDown'],
    label: 'PgDn (lecture)',
    does: 'Next narrated operation (clicker)',
    action: 'next-narrated',
    lectureOnly: true,
  },
  {
    keys: ['PageUp'],
    label: 'PgUp (lecture)',
    does: 'Previous narrated operation (clicker)',
    action: 'prev-narrated',
    lectureOnly: true,
  },
];

/** The presenter action of a key, or null (PageDown/PageUp only in lecture mode). */
export function presenterActionForKey(key: string, lecture: boolean): PresenterAction | null {
  const hit = PRESENTER_SHORTCUTS.find(
    (s) => s.keys.includes(key) && (lecture || s.lectureOnly !== true),
  );
  return hit ? hit.action : null;
}

/** The key that opens and closes the shortcut help. */
export const HELP_KEY = '?';

const byKey = new Map<string, PlaybackCommand>(
  SHORTCUTS.flatMap((s) => s.keys.map((k) => [k, s.event] as const)),
);

/** The playback event for a key (`shift`: Shift held), or null. */
export function eventForKey(key: string, shift = false): PlaybackCommand | null {
  return (shift ? byKey.get(`Shift+${key}`) : undefined) ?? byKey.get(key) ?? null;
}

const TEXT_TAGS = new Set(['INPUT', 'SELECT', 'TEXTAREA']);
/** Keys a focused button or slider acts on by itself. */
const ACTIVATE_KEYS = new Set([' ', 'Enter']);

export interface KeyTarget {
  tagName?: string;
  /** an input's type: a checkbox takes Space only, so the arrows still step */
  type?: string;
  isContentEditable?: boolean;
}

/**
 * Whether the page should leave this key alone: typing in a form control, a modifier held, or
 * Space/Enter on a focused button (which clicks it).
 */
export function ignoresKey(
  e: { key: string; altKey: boolean; ctrlKey: boolean; metaKey: boolean },
  target: KeyTarget | null,
): boolean {
  if (e.altKey || e.ctrlKey || e.metaKey) return true;
  if (!target) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName ?? '';
  const toggle = tag === 'INPUT' && (target.type === 'checkbox' || target.type === 'radio');
  if (toggle) return ACTIVATE_KEYS.has(e.key);
  if (TEXT_TAGS.has(tag)) return true;
  return ACTIVATE_KEYS.has(e.key) && (tag === 'BUTTON' || tag === 'A' || tag === 'SUMMARY');
}
