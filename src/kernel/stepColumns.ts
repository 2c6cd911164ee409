// Step records in columns, for sending a big trace from the load worker to the page and keeping
// it there: a million Step objects cost seconds to structured-clone and hundreds of megabytes to
// hold as they are. A chunk holds typed arrays (numbers and indices into a string table both
// sides grow in the same order) and the chunk's texts joined into one string; the page keeps the
// chunks and makes a step when it is read, slicing its text out of its chunk's.
import type { LockEvent, LockEventKind, Step } from './trace';

export interface StepChunk {
  /** strings new to the table since the previous chunk, in index order */
  strings: string[];
  cpu: Uint8Array;
  op: Int32Array;
  fn: Uint32Array;
  line: Uint32Array;
  /** thread and op index within it for a parallel step, -1 otherwise */
  thread: Int32Array;
  threadOp: Int32Array;
  /** -1, or owner index * 8 + kind * 2 + (mode === 'r') */
  lock: Int32Array;
  /** end of each step's text in `text` */
  textEnd: Uint32Array;
  text: string;
  /** end of each step's touched ids in `touched` (table indices) */
  touchedEnd: Uint32Array;
  touched: Uint32Array;
}

const KINDS: LockEventKind[] = ['acquire', 'release', 'trylock-fail'];

/** The worker side: encodes batches of steps, keeping the string table across batches. */
export class StepEncoder {
  private readonly index = new Map<string, number>();

  private id(s: string, fresh: string[]): number {
    let n = this.index.get(s);
    if (n === undefined) {
      n = this.index.size;
      this.index.set(s, n);
      fresh.push(s);
    }
    return n;
  }

  encode(steps: readonly Step[]): StepChunk {
    const n = steps.length;
    const strings: string[] = [];
    let touchedCount = 0;
    for (const st of steps) touchedCount += st.touched.length;
    const c: StepChunk = {
      strings,
      cpu: new Uint8Array(n),
      op: new Int32Array(n),
      fn: new Uint32Array(n),
      line: new Uint32Array(n),
      thread: new Int32Array(n),
      threadOp: new Int32Array(n),
      lock: new Int32Array(n),
      textEnd: new Uint32Array(n),
      text: '',
      touchedEnd: new Uint32Array(n),
      touched: new Uint32Array(touchedCount),
    };
    const texts: string[] = new Array<string>(n);
    let textAt = 0;
    let touchedAt = 0;
    for (let i = 0; i < n; i++) {
      const st = steps[i]!;
      c.cpu[i] = st.cpu;
      c.op[i] = st.op;
      c.fn[i] = this.id(st.fn, strings);
      c.line[i] = this.id(st.line, strings);
      c.thread[i] = st.threadOp ? st.threadOp[0] : -1;
      c.threadOp[i] = st.threadOp ? st.threadOp[1] : -1;
      const l = st.lock;
      c.lock[i] = l
        ? this.id(l.owner, strings) * 8 + KINDS.indexOf(l.kind) * 2 + (l.mode === 'r' ? 1 : 0)
        : -1;
      texts[i] = st.text;
      textAt += st.text.length;
      c.textEnd[i] = textAt;
      for (const t of st.touched) c.touched[touchedAt++] = this.id(t, strings);
      c.touchedEnd[i] = touchedAt;
    }
    c.text = texts.join('');
    return c;
  }
}

/** Shared by every read step that touched nothing. */
const NONE: string[] = [];

/** Steps read on demand keep their identity while they stay in this many cache slots. */
const KEPT_READS = 4096;

/**
 * The page side: the chunks as they came (typed arrays and one text per chunk), a step made only
 * when something reads it. A million Step objects held on the page were ~200 MB of small objects
 * whose garbage collection paused the page for hundreds of milliseconds while they arrived; the
 * columns are a few dozen bytes a step, in buffers the collector does not walk.
 */
export class StepColumns {
  private readonly table: string[] = [];
  private readonly chunks: StepChunk[] = [];
  /** index of each chunk's first step */
  private readonly starts: number[] = [];
  private count = 0;
  /** reused by peek() */
  private readonly scratch: Step = { cpu: 0, op: 0, fn: '', line: '', text: '', touched: NONE };
  private readonly scratchLock: LockEvent = { kind: 'acquire', owner: '', mode: 'w' };
  private readonly readAt = new Int32Array(KEPT_READS).fill(-1);
  private readonly reads: (Step | undefined)[] = new Array<Step | undefined>(KEPT_READS);

  get length(): number {
    return this.count;
  }

  /** Appends a chunk (its strings extend the table). */
  add(c: StepChunk): void {
    for (const s of c.strings) this.table.push(s);
    this.chunks.push(c);
    this.starts.push(this.count);
    this.count += c.cpu.length;
  }

  /** The chunk holding step `i` (0 <= i < length). */
  private chunkOf(i: number): number {
    const st = this.starts;
    let lo = 0;
    let hi = st.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (st[mid]! <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private lockOf(code: number, into?: LockEvent): LockEvent {
    const kind = KINDS[(code >> 1) & 3]!;
    const owner = this.table[code >> 3]!;
    const mode = code & 1 ? 'r' : 'w';
    if (!into) return { kind, owner, mode };
    into.kind = kind;
    into.owner = owner;
    into.mode = mode;
    return into;
  }

  /** Step `i` (0 <= i < length), a new record equal to the one encoded. */
  read(i: number): Step {
    const k = this.chunkOf(i);
    const c = this.chunks[k]!;
    const j = i - this.starts[k]!;
    const t = this.table;
    const from = j > 0 ? c.touchedEnd[j - 1]! : 0;
    const end = c.touchedEnd[j]!;
    let touched = NONE;
    if (end > from) {
      touched = new Array<string>(end - from);
      for (let x = from; x < end; x++) touched[x - from] = t[c.touched[x]!]!;
    }
    const st: Step = {
      cpu: c.cpu[j]!,
      op: c.op[j]!,
      fn: t[c.fn[j]!]!,
      line: t[c.line[j]!]!,
      text: c.text.slice(j > 0 ? c.textEnd[j - 1] : 0, c.textEnd[j]),
      touched,
    };
    if (c.thread[j]! >= 0) st.threadOp = [c.thread[j]!, c.threadOp[j]!];
    if (c.lock[j]! >= 0) st.lock = this.lockOf(c.lock[j]!);
    return st;
  }

  /** Step `i` as read() makes it, the same object while it stays in the cache of recent reads. */
  at(i: number): Step {
    const slot = i % KEPT_READS;
    if (this.readAt[slot] === i) return this.reads[slot]!;
    const st = this.read(i);
    this.readAt[slot] = i;
    this.reads[slot] = st;
    return st;
  }

  /**
   * Step `i` without its text and touched ids (empty), in one record reused by every call: for
   * readers that go through every step and keep none of them (the whole-trace readings).
   */
  peek(i: number): Step {
    const k = this.chunkOf(i);
    const c = this.chunks[k]!;
    const j = i - this.starts[k]!;
    const st = this.scratch;
    st.cpu = c.cpu[j]!;
    st.op = c.op[j]!;
    st.fn = this.table[c.fn[j]!]!;
    st.line = this.table[c.line[j]!]!;
    if (c.thread[j]! >= 0) st.threadOp = [c.thread[j]!, c.threadOp[j]!];
    else delete st.threadOp;
    if (c.lock[j]! >= 0) st.lock = this.lockOf(c.lock[j]!, this.scratchLock);
    else delete st.lock;
    return st;
  }

  /**
   * The steps as an array that reads each one on demand (at()): indexing, length, iteration and
   * the array methods work as on a Step[]; writes are refused (it is a read-only record). The
   * length is the one at the call: call it once every chunk has been added.
   */
  list(): Step[] {
    const n = this.count;
    const index = (key: string | symbol): number => {
      if (typeof key !== 'string' || key.length === 0 || key.length > 10) return -1;
      const c0 = key.charCodeAt(0);
      if (c0 < 48 || c0 > 57 || (c0 === 48 && key.length > 1)) return -1;
      const i = Number(key);
      return Number.isInteger(i) && i < n ? i : -1;
    };
    // an empty array stands behind it (setting a million length on it takes ~50 ms)
    const target: Step[] = [];
    return new Proxy(target, {
      get: (t, key, receiver) => {
        if (key === 'length') return n;
        const i = index(key);
        return i >= 0 ? this.at(i) : Reflect.get(t, key, receiver);
      },
      has: (t, key) => index(key) >= 0 || Reflect.has(t, key),
      getOwnPropertyDescriptor: (t, key) => {
        if (key === 'length')
          return { value: n, writable: true, enumerable: false, configurable: false };
        const i = index(key);
        if (i < 0) return Reflect.getOwnPropertyDescriptor(t, key);
        return { value: this.at(i), writable: false, enumerable: true, configurable: true };
      },
      ownKeys: (t) => [...Array.from({ length: n }, (_, i) => String(i)), ...Reflect.ownKeys(t)],
      set: () => false,
      defineProperty: () => false,
      deleteProperty: () => false,
    });
  }
}

/** The typed arrays of a chunk, to transfer rather than copy. */
export const chunkBuffers = (c: StepChunk): ArrayBuffer[] =>
  [c.cpu, c.op, c.fn, c.line, c.thread, c.threadOp, c.lock, c.textEnd, c.touchedEnd, c.touched].map(
    (a) => a.buffer as ArrayBuffer,
  );
