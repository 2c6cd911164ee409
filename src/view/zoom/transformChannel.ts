// A transient value with subscribers: the pan/zoom transform changes on every pointer move, so it
// bypasses React state (zustand's "transient updates" idea) and goes straight to who draws.
import { IDENTITY } from './constrain';
import type { Transform } from './constrain';

export interface TransformChannel {
  get: () => Transform;
  set: (t: Transform) => void;
  /** calls `listener` on every change; returns the unsubscribe function */
  subscribe: (listener: (t: Transform) => void) => () => void;
}

export function createTransformChannel(initial: Transform = IDENTITY): TransformChannel {
  let current = initial;
  const listeners = new Set<(t: Transform) => void>();
  return {
    get: () => current,
    set: (t) => {
      if (t.x === current.x && t.y === current.y && t.k === current.k) return;
      current = t;
      for (const listener of listeners) listener(t);
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
