import { describe, expect, it } from 'vitest';
import { lockText } from './lockText';

describe('lockText', () => {
  it('names the lock and what the step does with it', () => {
    expect(lockText({ kind: 'acquire', owner: 'av3', mode: 'w' })).toBe("takes av3's lock (write)");
    expect(lockText({ kind: 'acquire', owner: 'av3', mode: 'r' })).toBe("takes av3's lock (read)");
    expect(lockText({ kind: 'release', owner: 'mmap_sem:P', mode: 'w' })).toBe(
      "releases P's mmap_sem",
    );
    expect(lockText({ kind: 'trylock-fail', owner: 'page:7', mode: 'w' })).toBe(
      'fails to trylock the lock of page 7',
    );
  });
});
