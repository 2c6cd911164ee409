// How fast the steps come. The drawing's motion (ZoomPane's `data-rapid`), the step log's history
// (StepLog) and the boxes out of view (useWhileSeen) do not follow each step of a scrub, a held key
// or fast play: nobody sees them at that pace, and each would cost a layout and a paint in the
// frame the graph needs. One place for the two thresholds and for what "rapid" means.

/** Steps closer together than this come too fast to watch. */
export const RAPID_MS = 250;
/** How long the steps must stop before what waited for them follows. */
export const SETTLE_MS = 150;

export interface PaceGauge {
  /** A step now: whether it came less than RAPID_MS after the last one. */
  tick(now?: number): boolean;
}

export function paceGauge(): PaceGauge {
  let last = -Infinity;
  return {
    tick(now = performance.now()) {
      const rapid = now - last < RAPID_MS;
      last = now;
      return rapid;
    },
  };
}
