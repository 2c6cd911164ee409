// Where each placing call puts the drawing, as pure transforms: shared by the D3 instance and by
// lazyPanZoom's stand-in while D3's chunk loads, so the view a pane opens with is the same either way.
import { FIT_PADDING, defaultTransform, wholeTransform } from './constrain';
import type { Size, Transform } from './constrain';
import { followSubject, overflowsAt } from './framing';
import type { SubjectItem } from './framing';

export interface PlacementInputs {
  content: () => Size;
  viewport: () => Size;
  floor: () => number;
  subject: (t: Transform, opening: boolean) => readonly SubjectItem[];
  current: () => Transform;
}

export interface Placements {
  whole: () => Transform;
  /** the default view: the pane filled, the text at or above its floor, on the subject if it must pan */
  fitted: () => Transform;
  /** the view moved to frame the step's subject, or null when nothing should move */
  followed: () => Transform | null;
  fitsWhole: () => boolean;
}

export function placements(o: PlacementInputs): Placements {
  const whole = () => wholeTransform(o.content(), o.viewport());
  const fitted = () =>
    defaultTransform(o.content(), o.viewport(), o.floor(), o.subject(o.current(), true));
  return {
    whole,
    fitted,
    followed: () => {
      const t = o.current();
      if (!overflowsAt(t.k, o.content(), o.viewport(), FIT_PADDING)) return null;
      const next = followSubject(t, o.content(), o.viewport(), o.subject(t, false), FIT_PADDING);
      return next.x !== t.x || next.y !== t.y ? next : null;
    },
    fitsWhole: () => !overflowsAt(fitted().k, o.content(), o.viewport(), 0),
  };
}
