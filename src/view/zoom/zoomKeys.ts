// Keys the focused graph pane handles. Plain arrows are left to playback (step back / forward).
export type ZoomKeyAction =
  | { type: 'zoom'; direction: 1 | -1 }
  | { type: 'reset' }
  | { type: 'fit' }
  | { type: 'whole' }
  | { type: 'pan'; dx: number; dy: number };

export interface KeyLike {
  key: string;
  shiftKey: boolean;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}

const PAN_KEYS: Record<string, [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

/** The pane's keys as the `?` help lists them (what zoomKeyAction below does). */
export const ZOOM_SHORTCUTS: readonly { label: string; does: string }[] = [
  { label: '+ / −', does: 'Zoom in / out' },
  { label: 'F / 0', does: 'Fit to the pane' },
  { label: 'W', does: 'Whole forest (when Fit pans)' },
  { label: 'Shift + arrows', does: 'Pan' },
];

export function zoomKeyAction(e: KeyLike): ZoomKeyAction | null {
  if (e.altKey || e.ctrlKey || e.metaKey) return null;
  const pan = PAN_KEYS[e.key];
  if (pan) return e.shiftKey ? { type: 'pan', dx: pan[0], dy: pan[1] } : null;
  switch (e.key) {
    case '+':
    case '=':
      return { type: 'zoom', direction: 1 };
    case '-':
    case '_':
      return { type: 'zoom', direction: -1 };
    case '0':
      return { type: 'reset' };
    case 'f':
    case 'F':
      return { type: 'fit' };
    case 'w':
    case 'W':
      return { type: 'whole' };
    default:
      return null;
  }
}
