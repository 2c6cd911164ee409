// Links to a function's definition on elixir.bootlin.com for the era's kernel version.
import type { EraId } from '../kernel/flags';
import { sourceOf } from './sources';
import { isAbsent, type EraSource } from './types';

const ELIXIR = 'https://elixir.bootlin.com/linux';

/** The release tag each era stands for (elixir spells them v2.6.34, v3.0, v6.1). */
export const ERA_TAGS: Record<EraId, string> = {
  '2.6.33': 'v2.6.33',
  '2.6.34': 'v2.6.34',
  '2.6.35': 'v2.6.35',
  '2.6.36': 'v2.6.36',
  '3.0': 'v3.0',
  '3.8': 'v3.8',
  '3.19': 'v3.19',
  '6.1': 'v6.1',
  '6.12': 'v6.12',
};

export interface SourceLink {
  href: string;
  /** the tag linked: the era's, or the point release the line was read in */
  tag: string;
  name: string;
  file: string;
  line?: number;
  /**
   * Where no line was read: elixir's identifier page for that version, which lists the
   * definition's file and line (one click from the exact line).
   */
  definitionHref?: string;
  note?: string;
}

/** A line is only linked with the tag of the release it was read in. */
export function linkFor(src: EraSource, era: EraId): SourceLink {
  const tag = src.line !== undefined && src.verifiedAt ? `v${src.verifiedAt}` : ERA_TAGS[era];
  const anchor = src.line !== undefined ? `#L${src.line}` : '';
  const out: SourceLink = {
    href: `${ELIXIR}/${tag}/source/${src.file}${anchor}`,
    tag,
    name: src.name,
    file: src.file,
  };
  if (src.line !== undefined) out.line = src.line;
  else out.definitionHref = `${ELIXIR}/${tag}/C/ident/${encodeURIComponent(src.name)}`;
  if (src.note !== undefined) out.note = src.note;
  return out;
}

export type SourceAnswer =
  { kind: 'link'; link: SourceLink } | { kind: 'absent'; why: string } | { kind: 'unknown' };

export function sourceLink(fn: string, era: EraId): SourceAnswer {
  const p = sourceOf(fn, era);
  if (!p) return { kind: 'unknown' };
  if (isAbsent(p)) return { kind: 'absent', why: p.absent };
  return { kind: 'link', link: linkFor(p, era) };
}
