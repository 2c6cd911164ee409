// anon_vma locks: which object's lock a step takes (own, root, or Linus's "deepest"), and the
// acquire / release / trylock micro-steps. A CPU asking for a held lock waits (it is not
// scheduled until the lock is free); asking for a lock it holds itself is a self-deadlock.
import type { Announce, Gen, K } from './exec';
import { parseLockId } from './ids';
import { avId, type AnonVma, type Lock, type Mode, type Vma } from './state';

/** The anon_vma whose lock protects `av`'s list under the current flags. */
export function lockOf(k: K, av: AnonVma): AnonVma {
  if (k.f.rootLock && k.f.trackRoot) return av.root;
  if (k.f.lockDeepest) return deepestOf(av);
  return av;
}

/** Linus 2010-05-05: from the first VMA on av's list, the tail of its same_vma chain. */
export function deepestOf(av: AnonVma): AnonVma {
  const first = av.list[0];
  if (!first) return av;
  const tail = first.vma.chain[first.vma.chain.length - 1];
  return tail ? tail.av : av;
}

/** The lock a VMA-level writer (vma_adjust, expand_stack) takes: vma_lock_anon_vma. */
export function vmaLockTarget(k: K, v: Vma): AnonVma | null {
  const av = v.anonVma;
  if (!av) return null;
  if (k.f.lockDeepest && !(k.f.rootLock && k.f.trackRoot)) {
    const tail = v.chain[v.chain.length - 1];
    return tail ? tail.av : av;
  }
  return lockOf(k, av);
}

export function canAcquire(lock: Lock, mode: Mode, shared: boolean): boolean {
  if (lock.holders.length === 0) return true;
  return shared && mode === 'r' && lock.mode === 'r';
}

export function holds(lock: Lock, cpu: number): boolean {
  return lock.holders.includes(cpu);
}

function lockName(k: K): string {
  return k.f.lockKind === 'spinlock' ? 'spin_lock' : k.f.lockKind === 'mutex' ? 'mutex_lock' : '';
}

function verb(k: K, mode: Mode): string {
  if (k.f.lockKind !== 'rwsem') return lockName(k);
  return mode === 'r' ? 'down_read' : 'down_write';
}

function checkLive(k: K, av: AnonVma, what: string): void {
  if (av.freed) {
    k.violation('use-after-free', `${what} the lock of ${avId(av)}, which was freed`, [avId(av)]);
  }
}

export function lockRequest(k: K, av: AnonVma, mode: Mode, fn: string, line: string): Announce {
  const m: Mode = k.f.lockKind === 'rwsem' ? mode : 'w';
  return {
    fn,
    line,
    text: `${verb(k, m)}(${avId(av)})`,
    lock: { lock: av.lock, mode: m, av, owner: avId(av), shared: k.f.lockKind === 'rwsem' },
  };
}

/**
 * Announce, wait for, then take av's lock. `rcu`: the caller reached av under rcu_read_lock only
 * (SLAB_DESTROY_BY_RCU keeps a freed anon_vma's lock usable), so a freed av is no use-after-free.
 */
export function* acquire(
  k: K,
  av: AnonVma,
  mode: Mode,
  fn: string,
  line: string,
  rcu = false,
): Gen {
  const req = lockRequest(k, av, mode, fn, line);
  yield req;
  if (!rcu) checkLive(k, av, 'took');
  take(k, av.lock, req.lock!.mode, avId(av));
  k.touch(avId(av));
}

export function take(k: K, lock: Lock, mode: Mode, owner: string): void {
  lock.holders.push(k.cpu);
  lock.mode = mode;
  k.out.lockEvent('acquire', owner, mode);
}

/** Announce and release av's lock (`rcu` as for acquire). */
export function* release(k: K, av: AnonVma, fn: string, line: string, rcu = false): Gen {
  yield { fn, line, text: unlockText(k, av) };
  drop(k, av, rcu);
}

/** `spin_unlock(av3)`, `up_read(av3)`…, as the era and the lock's mode say. */
export function unlockText(k: K, av: AnonVma): string {
  const mode = av.lock.mode ?? 'w';
  const un =
    k.f.lockKind === 'rwsem'
      ? mode === 'r'
        ? 'up_read'
        : 'up_write'
      : k.f.lockKind === 'mutex'
        ? 'mutex_unlock'
        : 'spin_unlock';
  return `${un}(${avId(av)})`;
}

export function drop(k: K, av: AnonVma, rcu = false): void {
  if (!rcu) checkLive(k, av, 'released');
  const i = av.lock.holders.indexOf(k.cpu);
  if (i < 0) {
    k.violation(
      'unlocked-write',
      `cpu${k.cpu} released the lock of ${avId(av)} without holding it`,
      [avId(av)],
    );
    return;
  }
  const mode = av.lock.mode ?? 'w';
  av.lock.holders.splice(i, 1);
  if (av.lock.holders.length === 0) av.lock.mode = null;
  k.out.lockEvent('release', avId(av), mode);
  k.touch(avId(av));
}

/** Announce a trylock; returns whether it got the lock (never waits). */
export function* tryAcquire(k: K, av: AnonVma, mode: Mode, fn: string, line: string): Gen<boolean> {
  const m: Mode = k.f.lockKind === 'rwsem' ? mode : 'w';
  yield { fn, line, text: `trylock(${avId(av)})` };
  checkLive(k, av, 'tried');
  if (canAcquire(av.lock, m, k.f.lockKind === 'rwsem')) {
    take(k, av.lock, m, avId(av));
    k.note('got it');
    return true;
  }
  k.out.lockEvent('trylock-fail', avId(av), m);
  k.note(`held by ${av.lock.holders.map((c) => `cpu${c}`).join(' ')}: failed`);
  return false;
}

/** True when the current CPU holds av's protecting lock for writing. */
export function holdsForWrite(k: K, av: AnonVma): boolean {
  const l = lockOf(k, av).lock;
  return holds(l, k.cpu) && l.mode === 'w';
}

/** Locks that do not live in an anon_vma: mmap_sem and the page lock. */
export function* acquireOther(
  k: K,
  lock: Lock,
  owner: string,
  mode: Mode,
  shared: boolean,
  at: { fn: string; line: string; text: string },
): Gen {
  yield { ...at, lock: { lock, mode, av: null, owner, shared } };
  take(k, lock, mode, owner);
  if (isPageLock(owner)) k.pageLocks.set(owner, lock);
}

const isPageLock = (owner: string): boolean => parseLockId(owner)?.kind === 'page';

export function* releaseOther(
  k: K,
  lock: Lock,
  owner: string,
  at: { fn: string; line: string; text: string },
): Gen {
  yield at;
  k.pageLocks.delete(owner);
  const i = lock.holders.indexOf(k.cpu);
  const mode = lock.mode ?? 'w';
  if (i >= 0) lock.holders.splice(i, 1);
  if (lock.holders.length === 0) lock.mode = null;
  k.out.lockEvent('release', owner, mode);
}

/** Hold a page lock nobody else can see yet, with no lock event (a page still private to a CPU). */
export function holdQuietly(k: K, lock: Lock, owner: string): void {
  lock.holders.push(k.cpu);
  lock.mode = 'w';
  k.pageLocks.set(owner, lock);
}

export function releaseQuietly(k: K, lock: Lock, owner: string): void {
  lock.holders = lock.holders.filter((c) => c !== k.cpu);
  if (lock.holders.length === 0) lock.mode = null;
  k.pageLocks.delete(owner);
}
