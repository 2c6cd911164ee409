// A lock event of a step in words: `takes av3's lock (write)`.
import { parseLockId } from '../../kernel';
import type { LockEvent } from '../../kernel';

/** `av3` → `av3's lock`, `mmap_sem:P` → `P's mmap_sem`, `page:7` → `the lock of page 7`. */
export function lockName(owner: string): string {
  const lock = parseLockId(owner);
  switch (lock?.kind) {
    case 'mmap':
      return `${lock.pid}'s mmap_sem`;
    case 'page':
      return `the lock of page ${lock.pfn}`;
    default:
      return `${owner}'s lock`;
  }
}

export function lockText(lock: LockEvent): string {
  const mode = lock.mode === 'r' ? 'read' : 'write';
  switch (lock.kind) {
    case 'acquire':
      return `takes ${lockName(lock.owner)} (${mode})`;
    case 'release':
      return `releases ${lockName(lock.owner)}`;
    case 'trylock-fail':
      return `fails to trylock ${lockName(lock.owner)}`;
  }
}
