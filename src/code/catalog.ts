// The code panel's catalog: every kernel function the model names in a step, with our own
// pseudo-code. catalog.test.ts replays every scenario in every era so it cannot drift.
import type { Flags } from '../kernel/flags';
import { faultCode } from './pseudo/faultCode';
import { lockCode } from './pseudo/lockCode';
import { rmapCode } from './pseudo/rmapCode';
import { unlinkCode } from './pseudo/unlinkCode';
import { vmaCode } from './pseudo/vmaCode';
import { vmaMergeCode } from './pseudo/vmaMergeCode';
import { walkCode } from './pseudo/walkCode';
import type { CodeEntry, PseudoLine } from './types';

export const CODE_ENTRIES: readonly CodeEntry[] = [
  ...faultCode,
  ...lockCode,
  ...rmapCode,
  ...unlinkCode,
  ...vmaCode,
  ...vmaMergeCode,
  ...walkCode,
];

const byFn = new Map(CODE_ENTRIES.map((e) => [e.fn, e]));

export function codeEntry(fn: string): CodeEntry | undefined {
  return byFn.get(fn);
}

/**
 * The lines shown under these flags: lines for other eras' code paths are left out, but the
 * line the step stands on is always kept (a flag mix the catalog did not foresee still shows it).
 */
export function visibleLines(entry: CodeEntry, flags: Flags, current?: string): PseudoLine[] {
  let kept = false;
  const out = entry.lines.filter((l) => {
    const show = !l.when || l.when(flags);
    if (show && l.id !== undefined && l.id === current) kept = true;
    return show;
  });
  if (current === undefined || kept) return out;
  const fallback = entry.lines.find((l) => l.id === current);
  return fallback ? entry.lines.filter((l) => l === fallback || !l.when || l.when(flags)) : out;
}

/** The first visible line with this id, as the panel highlights it. */
export function currentLine(lines: PseudoLine[], id: string): PseudoLine | undefined {
  return lines.find((l) => l.id === id);
}
