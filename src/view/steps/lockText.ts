// A lock event of a step in words: `takes av3's lock (write)`.
import { lockOwnerName } from '../../kernel';
import type { LockEvent } from '../../kernel';

/**
 * `av3` → `av3's lock`, `mmap_sem:P` → `P's mmap_sem`, `mmap_lock:P` → `P's mmap_lock`,
 * `vm_lock:P:4` → `P:4's per-VMA lock`, `page:7` → `the lock of page 7` (kernel/ids.ts).
 */
export const lockName = lockOwnerName;

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
