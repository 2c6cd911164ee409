// Step records in columns, for sending a big trace from the load worker to the page: a million
// Step objects cost seconds to structured-clone and hundreds of megabytes to hold as they are.
// A chunk holds typed arrays (numbers and indices into a string table both sides grow in the
// same order) and the chunk's texts joined into one string; the page slices each step's text out
// of it, so the texts share one allocation.
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

/** Shared by every decoded step that touched nothing. */
const NONE: string[] = [];

/** The page side: turns chunks back into Step records equal to the ones encoded. */
export class StepDecoder {
  private readonly table: string[] = [];

  decode(c: StepChunk, out: Step[]): void {
    for (const s of c.strings) this.table.push(s);
    const t = this.table;
    let textAt = 0;
    let touchedAt = 0;
    for (let i = 0; i < c.cpu.length; i++) {
      const end = c.touchedEnd[i]!;
      let touched = NONE;
      if (end > touchedAt) {
        touched = new Array<string>(end - touchedAt);
        for (let j = touchedAt; j < end; j++) touched[j - touchedAt] = t[c.touched[j]!]!;
      }
      touchedAt = end;
      const st: Step = {
        cpu: c.cpu[i]!,
        op: c.op[i]!,
        fn: t[c.fn[i]!]!,
        line: t[c.line[i]!]!,
        text: c.text.slice(textAt, c.textEnd[i]),
        touched,
      };
      textAt = c.textEnd[i]!;
      if (c.thread[i]! >= 0) st.threadOp = [c.thread[i]!, c.threadOp[i]!];
      const l = c.lock[i]!;
      if (l >= 0) {
        const lock: LockEvent = {
          kind: KINDS[(l >> 1) & 3]!,
          owner: t[l >> 3]!,
          mode: l & 1 ? 'r' : 'w',
        };
        st.lock = lock;
      }
      out.push(st);
    }
  }
}

/** The typed arrays of a chunk, to transfer rather than copy. */
export const chunkBuffers = (c: StepChunk): ArrayBuffer[] =>
  [c.cpu, c.op, c.fn, c.line, c.thread, c.threadOp, c.lock, c.textEnd, c.touchedEnd, c.touched].map(
    (a) => a.buffer as ArrayBuffer,
  );
