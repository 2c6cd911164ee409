import { describe, expect, it } from 'vitest';
import { IDENTITY } from './constrain';
import { createTransformChannel } from './transformChannel';

describe('transform channel', () => {
  it('notifies subscribers of changes only, until they unsubscribe', () => {
    const channel = createTransformChannel();
    const seen: number[] = [];
    const off = channel.subscribe((t) => seen.push(t.k));
    channel.set({ x: 0, y: 0, k: 2 });
    channel.set({ x: 0, y: 0, k: 2 });
    channel.set({ x: 1, y: 0, k: 3 });
    off();
    channel.set(IDENTITY);
    expect(seen).toEqual([2, 3]);
    expect(channel.get()).toEqual(IDENTITY);
  });
});
