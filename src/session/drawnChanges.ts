// Which micro-steps change what the graph draws. Many steps only say what the kernel checked
// (`down_read(mmap_sem)` on an uncontended lock is drawn; "anon_vma already set, nothing to do" is
// not), and a tour stepped by what changed in the picture skips those. Computed from the state the
// page draws at each cursor (Contract 4 view state: processes and their VMAs, mmap_sem and VMA
// locks, visits, anon_vmas with their lists, locks and references, pages and page locks, what each
// CPU holds and waits for), never from the DOM; the step's own text and kernel line are not drawn.
import type { ViewState } from '../kernel/view';
import type { Trace } from './traces';

/**
 * A string equal for two states exactly when the graph draws them alike. The step counters and
 * the era / flags (fixed for a trace) are left out; every object field is drawn somewhere (a
 * label, a mark, a lock ring, the CPU strip).
 */
export function drawnKey(v: ViewState): string {
  return JSON.stringify([v.processes, v.anonVmas, v.pages, v.cpus]);
}

/**
 * The work the comparison may take on the main thread: this many characters of drawn state over
 * the whole trace (a 250-step tour takes under 1 M). Past it the changes are not computed and every
 * step counts as one: a trace that big is a generated one (the 1,000-forks scenario), not a tour
 * to step through.
 */
export const MAX_CHANGE_CHARS = 8_000_000;

/** The fields that say who holds or waits for a lock (on processes, VMAs, anon_vmas, pages, CPUs). */
const LOCK_FIELDS = new Set([
  'lockedBy',
  'lockMode',
  'waiting',
  'waitingFor',
  'waitingMode',
  'holds',
]);

/** drawnKey without the locks: equal for two states whose drawings differ in their locks only. */
export function shapeKey(v: ViewState): string {
  return JSON.stringify([v.processes, v.anonVmas, v.pages, v.cpus], (k, value: unknown) =>
    LOCK_FIELDS.has(k) ? undefined : value,
  );
}

/** Where a trace's drawing changes. */
export interface DrawnChanges {
  /** the cursors (1..total) whose drawing differs from the cursor before, sorted */
  changes: readonly number[];
  /** those of them where only a lock changed hands (taken, released, waited for) */
  lockOnly: readonly number[];
}

type Sampled = Pick<Trace, 'steps' | 'sampleAt'>;

/** Longer traces are not compared at all (the same reason, known before any work). */
export const MAX_CHANGE_STEPS = 5000;

const computed = new WeakMap<Sampled, DrawnChanges | null>();

/** Thrown out of the forward pass to stop it once the budget is spent. */
class OverBudget extends Error {}

/**
 * Where the drawing of `trace` changes, computed once per trace in one forward pass; null when
 * that would pass MAX_CHANGE_CHARS (every step counts then).
 */
export function drawnChanges(trace: Sampled, budget = MAX_CHANGE_CHARS): DrawnChanges | null {
  if (computed.has(trace)) return computed.get(trace)!;
  const total = trace.steps.length;
  if (total > MAX_CHANGE_STEPS) {
    computed.set(trace, null);
    return null;
  }
  const changes: number[] = [];
  const lockOnly: number[] = [];
  // the forward pass hands the states over in cursor order: each is compared with the one before
  let spent = 0;
  let prev: { v: ViewState; key: string } | null = null;
  const visit = (v: ViewState, n: number) => {
    const key = drawnKey(v);
    spent += key.length;
    if (spent > budget) throw new OverBudget();
    if (prev && key !== prev.key) {
      changes.push(n);
      // the shape (the drawing without its locks) only where the drawing changed at all
      if (shapeKey(v) === shapeKey(prev.v)) lockOnly.push(n);
    }
    prev = { v, key };
  };
  let out: DrawnChanges | null = null;
  try {
    const cursors = Array.from({ length: total + 1 }, (_, i) => i);
    let n = 0;
    trace.sampleAt(cursors, (v) => visit(v, n++));
    // one forward pass calls fn once per cursor, in order; anything else and the list is not known
    if (n === total + 1) out = { changes, lockOnly };
  } catch (err) {
    if (!(err instanceof OverBudget)) throw err;
  }
  computed.set(trace, out);
  return out;
}
