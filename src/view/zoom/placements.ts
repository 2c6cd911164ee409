// Where each placing call puts the drawing, as pure transforms: shared by the D3 instance and by
// lazyPanZoom's stand-in while D3's chunk loads, so the view a pane opens with is the same either way.
import { FIT_PADDING, defaultTransform, wholeTransform } from './constrain';
import type { Size, Transform } from './constrain';
import { follow, overflowsAt } from './focus';
import type { Rect } from './focus';

export interface PlacementInputs {
  content: () => Size;
  viewport: () => Size;
  floor: () => number;
  /** the view opens with the whole content in the pane, however small (an embed's frame) */
  fitWhole: boolean;
  focus: (t: Transform, opening: boolean) => Rect | null;
  current: () => Transform;
}

export interface Placements {
  whole: () => Transform;
  /** the default view: the pane filled, the text at or above its floor, on the focus if it must pan */
  fitted: () => Transform;
  /** the view moved just enough to bring the focus back in, or null when nothing should move */
  followed: () => Transform | null;
  fitsWhole: () => boolean;
}

export function placements(o: PlacementInputs): Placements {
  const whole = () => wholeTransform(o.content(), o.viewport());
  const fitted = () =>
    o.fitWhole
      ? whole()
      : defaultTransform(o.content(), o.viewport(), o.floor(), o.focus(o.current(), true));
  return {
    whole,
    fitted,
    followed: () => {
      const t = o.current();
      if (!overflowsAt(t.k, o.content(), o.viewport(), FIT_PADDING)) return null;
      const at = o.focus(t, false);
      if (!at) return null;
      const next = follow(t, o.content(), o.viewport(), at, FIT_PADDING);
      return next.x !== t.x || next.y !== t.y ? next : null;
    },
    fitsWhole: () => !overflowsAt(fitted().k, o.content(), o.viewport(), 0),
  };
}
