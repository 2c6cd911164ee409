// A lock event of a step in words: `takes av3's lock (write)`.
import type { LockEvent } from '../kernel/trace';

/** `av3` → `av3's lock`, `mmap_sem:P` → `P's mmap_sem`, `page:7` → `the lock of page 7`. */
export function lockName(owner: string): string {
  const [kind, rest] = owner.split(':', 2) as [string, string | undefined];
  if (kind === 'mmap_sem' && rest !== undefined) return `${rest}'s mmap_sem`;
  if (kind === 'page' && rest !== undefined) return `the lock of page ${rest}`;
  return `${owner}'s lock`;
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
