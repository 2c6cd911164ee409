// A state made in the load worker, sent to the page in parts the page reads one task at a time:
// the chain's last state is ~9 MB of JSON, one JSON.parse of 100-200 ms on the main thread. The
// worker writes each of the state's lists (processes, anon_vmas, pages, CPUs) as JSON parts of
// about PART_CHARS characters, whole elements each, in UTF-8 bytes that are transferred, not
// copied (received as strings, the chain's 9 MB cost the page ~50 ms to read in the message's
// task); the page decodes and parses a part a task and appends its elements where they belong.
import type { ViewState } from '../../kernel/view';

/** Characters of JSON per part: a few milliseconds of JSON.parse on this machine. */
export const PART_CHARS = 200_000;

/** The lists of a state, split; everything else is in the head. */
type ListKey = {
  [K in keyof ViewState]: ViewState[K] extends unknown[] ? K : never;
}[keyof ViewState];

export interface StateParts {
  /** the state with its lists empty, as JSON */
  head: string;
  /** elements of one list, in order, as a JSON array's inside (no brackets), in UTF-8 */
  parts: { key: ListKey; bytes: Uint8Array }[];
}

/** The buffers of `sent`, to transfer rather than copy. */
export const stateBuffers = (sent: StateParts): ArrayBuffer[] =>
  sent.parts.map((p) => p.bytes.buffer as ArrayBuffer);

export function splitState(v: ViewState, budget = PART_CHARS): StateParts {
  const head: Record<string, unknown> = {};
  const parts: StateParts['parts'] = [];
  const utf8 = new TextEncoder();
  for (const [k, value] of Object.entries(v)) {
    if (!Array.isArray(value)) {
      head[k] = value;
      continue;
    }
    head[k] = [];
    const key = k as ListKey;
    let pending: string[] = [];
    let size = 0;
    for (const el of value) {
      const json = JSON.stringify(el);
      pending.push(json);
      size += json.length + 1;
      if (size >= budget) {
        parts.push({ key, bytes: utf8.encode(pending.join(',')) });
        pending = [];
        size = 0;
      }
    }
    if (pending.length > 0) parts.push({ key, bytes: utf8.encode(pending.join(',')) });
  }
  return { head: JSON.stringify(head), parts };
}

/** Puts a state back together a part at a time: read() one part per call until it says done. */
export class StateReader {
  private readonly made: ViewState;
  private next = 0;
  private readonly utf8 = new TextDecoder();

  constructor(private readonly sent: StateParts) {
    this.made = JSON.parse(sent.head) as ViewState;
  }

  /** Reads one part; true once every part is read (state() is then whole). */
  read(): boolean {
    const p = this.sent.parts[this.next];
    if (p) {
      this.next++;
      const list = this.made[p.key] as unknown[];
      const json = this.utf8.decode(p.bytes);
      for (const el of JSON.parse(`[${json}]`) as unknown[]) list.push(el);
    }
    return this.next >= this.sent.parts.length;
  }

  state(): ViewState {
    return this.made;
  }
}
