// What each kind of violation (Contract 3) means, for a student who has never read mm/rmap.c.
import type { ViolationKind } from '../../kernel';

export interface ViolationText {
  title: string;
  explain: string;
}

export const VIOLATION_TEXT: Record<ViolationKind, ViolationText> = {
  'rmap-miss': {
    title: 'Reverse map missed a mapping',
    explain:
      'An rmap walk (used by migration, reclaim and KSM) went through the anon_vma’s VMAs and did not find one that maps the page. Whatever the walk was meant to do to every mapping — unmap it, restore it — was skipped for that one.',
  },
  'migration-entry-left': {
    title: 'Migration entry left behind',
    explain:
      'Page migration replaced a page-table entry with a migration entry and never put the real page back. The next access to that address waits forever (or hits a BUG_ON) because the entry points at nothing.',
  },
  'use-after-free': {
    title: 'Use after free',
    explain:
      'The code touched an anon_vma (or locked it) after its last reference was dropped and it was freed. In the real kernel that memory may already hold another object: a crash or silent corruption.',
  },
  'double-free': {
    title: 'Double free',
    explain:
      'An anon_vma was freed twice, typically because two paths both believed they dropped the last reference. The allocator’s free list is corrupted from that point on.',
  },
  deadlock: {
    title: 'Deadlock',
    explain:
      'Every CPU still running waits for a lock that will never be released (another waiting CPU holds it, the CPU itself, or a CPU that finished without unlocking it), so none of them can ever go on. The model stops here, as the machine would hang.',
  },
  'unlocked-write': {
    title: 'Write without the lock',
    explain:
      'A list or tree of an anon_vma was changed without holding the lock that protects it, so a concurrent rmap walk can see it half-updated.',
  },
  'root-not-last': {
    title: 'Root freed before its children',
    explain:
      'The root anon_vma of a family was freed while other anon_vmas still point to it (their lock lives in the root). Their next lock or unlock touches freed memory.',
  },
  'list-corrupt': {
    title: 'Corrupt list',
    explain:
      'A same_vma or same_anon_vma list (or the interval tree) no longer matches the objects it should link: an entry is missing, duplicated or points at a freed object.',
  },
};

/** An unlock by a CPU that does not hold the lock is reported as `unlocked-write` (Contract 3). */
const WRONG_UNLOCK: ViolationText = {
  title: 'Unlock of a lock not held',
  explain:
    'A CPU released a lock it never took. Whoever held it loses it without knowing, and the lock the CPU did take stays held: the next CPU that needs it waits for ever.',
};

/**
 * The text for a kind (and, for an unlock by a CPU that does not hold the lock, its message), with
 * a fallback for a kind the page does not know yet.
 */
export function violationText(kind: string, message = ''): ViolationText {
  if (kind === 'unlocked-write' && / released the lock of \S+ without holding it$/.test(message))
    return WRONG_UNLOCK;
  return (
    (VIOLATION_TEXT as Record<string, ViolationText>)[kind] ?? {
      title: kind,
      explain: 'The model found its state inconsistent here.',
    }
  );
}
