// Types of the code panel's catalog: our own pseudo-code of each kernel function the model
// names in `Step.fn`, line by line, with the line ids the model uses in `Step.line`.
import type { EraId, Flags } from '../kernel/flags';

/** One line of pseudo-code. Lines without an id are context the model never stops on. */
export interface PseudoLine {
  id?: string;
  text: string;
  /** nesting level, for indentation only */
  depth?: number;
  /** shown only under these flags (era-dependent code paths); absent = always */
  when?: (f: Flags) => boolean;
}

export interface CodeEntry {
  /** the model's name, as in Step.fn */
  fn: string;
  /** one sentence: what the function is for */
  summary: string;
  lines: PseudoLine[];
}

/** Where a function is defined in one kernel version. */
export interface EraSource {
  /** the kernel's name for it in that version (the model keeps one name across eras) */
  name: string;
  file: string;
  /** definition line, only when it was read in that version's source */
  line?: number;
  /** the release the line was read in, when it is a point release of the era's tag */
  verifiedAt?: string;
  /** what else to know (e.g. the code lives inline in another function) */
  note?: string;
}

/** The function does not exist in that version. */
export interface EraAbsent {
  absent: string;
}

export type EraPresence = EraSource | EraAbsent;

export type SourceTable = Record<string, Record<EraId, EraPresence>>;

/** A definition line as read in one release: the kernel's name and file where they differ. */
export interface ReadAt {
  line: number;
  name?: string;
  file?: string;
  /** an empty note clears the row's note for that release */
  note?: string;
}

/** One function of the source table, across the eras. */
export interface SourceRow {
  file: string;
  /** the kernel's name, when it is not the model's */
  name?: string;
  since?: EraId;
  gone?: EraId;
  why?: string;
  per?: Partial<Record<EraId, Partial<EraSource>>>;
  /** as read in 6.1.192 */
  v61?: ReadAt;
}

export function isAbsent(p: EraPresence): p is EraAbsent {
  return 'absent' in p;
}
