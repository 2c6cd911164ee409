// The link codec (Contract 4). Format v1:
//
//   ?v=1 & scenario=ID | j=LZ & era=ERA & flags=F & era2=ERA & flags2=F & c=CHECKSUM & step=N
//        & view=V & theme=T & mode=lecture|compare
//        & embed=1 & start=N & end=N & loop=1 & autoplay=1 & speed=X & controls=0
//
// `scenario` names a built-in scenario; `j` carries the user's own scenario as JSON compressed with
// lz-string (compressToEncodedURIComponent); `flags` is `name:value,…` (flagsCodec.ts). `c` is a
// checksum of v, scenario/j, era and flags, and of the compare view's second side (`era2`,
// `flags2`) when there is one: what decides which traces are replayed. Step, view, theme, mode and
// the embed options stay outside it so that they can be edited by hand (presentationParams.ts). The plain links of the first version (`?scenario=ID&era=ERA&step=N`,
// "v0": no `v`, no checksum, readable and hand-written) keep working: they are migrated here.
//
// Decoding never throws and never gives up on the page: what cannot be opened is dropped with a
// notice, and the page opens the default scenario instead.
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import type { EraId, Flags } from '../kernel/flags';
import { isEraId } from '../kernel/flags';
import { parseScenario } from '../kernel/scenario';
import type { Scenario } from '../kernel/scenarioTypes';
import { checksum } from './checksum';
import { formatFlags, parseFlags } from './flagsCodec';
import type { DecodedLink, LinkState, ScenarioRef } from './linkState';
import { parsePresentation, writePresentation } from './presentationParams';

export const LINK_VERSION = 1;
/** Past this length a link is unsafe to paste (some servers, chats and mailers cut it). */
export const MAX_LINK_CHARS = 8000;
/** Longer query strings are not even looked at (a scenario file is at most 2 MB of JSON). */
const MAX_SEARCH_CHARS = 4_000_000;

const DEFAULT_OPENS = 'the default scenario opened instead';

/**
 * What the checksum covers, in a fixed form. The second side is appended only when the link has
 * one, so every link written before compare links existed keeps its checksum.
 */
function signed(
  v: string,
  ref: string,
  era: string,
  flags: string,
  era2 = '',
  flags2 = '',
): string {
  const parts = [v, ref, era, flags];
  if (era2 !== '' || flags2 !== '') parts.push(`b:${era2}`, flags2);
  return parts.join('|');
}

// Scenarios are immutable once made, so each is compressed once however often the URL is written.
const compressed = new WeakMap<Scenario, string>();

/** The scenario's JSON, compressed for a URL. */
export function compressScenario(scenario: Scenario): string {
  let j = compressed.get(scenario);
  if (j === undefined) {
    j = compressToEncodedURIComponent(JSON.stringify(scenario));
    compressed.set(scenario, j);
  }
  return j;
}

/** `compressScenario(scenario)` made elsewhere (a big scenario's, by its load worker). */
export function primeCompressed(scenario: Scenario, text: string): void {
  compressed.set(scenario, text);
}

/** The query string (with `?`) for `state`. The scenario must be valid (parseScenario). */
export function encodeLink(state: LinkState): string {
  const params = new URLSearchParams();
  const ref = state.scenario;
  const era = state.era ?? '';
  const flags = state.flags ? formatFlags(state.flags) : '';
  params.set('v', String(LINK_VERSION));
  let refText = '';
  if (ref?.kind === 'builtin') {
    params.set('scenario', ref.id);
    refText = `s:${ref.id}`;
  } else if (ref?.kind === 'custom') {
    const j = compressScenario(ref.scenario);
    params.set('j', j);
    refText = `j:${j}`;
  }
  if (era) params.set('era', era);
  if (flags) params.set('flags', flags);
  const era2 = state.compare?.era ?? '';
  const flags2 = state.compare?.flags ? formatFlags(state.compare.flags) : '';
  if (era2) params.set('era2', era2);
  if (flags2) params.set('flags2', flags2);
  params.set('c', checksum(signed(String(LINK_VERSION), refText, era, flags, era2, flags2)));
  writePresentation(params, state);
  return `?${params.toString()}`;
}

export interface DecodeOptions {
  /** ids of the built-in scenarios */
  builtinIds: readonly string[];
}

/** Reads a link (`location.search`). Never throws. */
export function decodeLink(search: string, options: DecodeOptions): DecodedLink {
  const notices: string[] = [];
  if (typeof search !== 'string' || search.length > MAX_SEARCH_CHARS) {
    return {
      state: {},
      version: null,
      notices: [`This link is too long to open: ${DEFAULT_OPENS}.`],
    };
  }
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search);
  } catch {
    return { state: {}, version: null, notices: [`This link cannot be read: ${DEFAULT_OPENS}.`] };
  }
  const presentation = parsePresentation(params, notices);
  const v = params.get('v');
  if (v === null) {
    for (const name of V1_ONLY) {
      const raw = params.get(name);
      if (raw !== null)
        notices.push(
          `Ignored ${name}=${JSON.stringify(short(raw))} in the link: it is read only from links the page generates (v=1), and this link has no v=1.`,
        );
    }
    const before = notices.length;
    const legacy = decodeLegacy(params, options, notices);
    const version = ['scenario', 'era', 'step', 'mode', 'era2'].some((p) => params.has(p))
      ? 0
      : null;
    const lost = params.has('scenario') && !legacy.scenario && notices.length > before;
    return {
      state: withCompare(
        { ...(lost ? withoutStep(presentation) : presentation), ...legacy },
        notices,
      ),
      version,
      notices,
    };
  }
  if (v !== String(LINK_VERSION)) {
    notices.push(
      /^\d{1,6}$/.test(v) && Number(v) > LINK_VERSION
        ? `This link was made by a newer version of anon-vma-forest (link format v${v}) and cannot be opened here: ${DEFAULT_OPENS}.`
        : `This link has an unknown format version: ${DEFAULT_OPENS}.`,
    );
    return { state: withoutStep(presentation), version: null, notices };
  }
  const content = decodeV1(params, options);
  if (typeof content === 'string') {
    notices.push(content);
    return { state: withoutStep(presentation), version: 1, notices };
  }
  return {
    state: withCompare({ ...presentation, ...content.state }, notices),
    version: 1,
    notices: [...notices, ...content.notices],
  };
}

/** The parameters only a generated (v1, checksummed) link carries. */
const V1_ONLY = ['j', 'flags', 'flags2', 'c'] as const;

/** A second side belongs to the compare view: without `mode=compare` it is dropped with a notice. */
function withCompare(state: LinkState, notices: string[]): LinkState {
  if (!state.compare || state.mode === 'compare') return state;
  notices.push(
    'Ignored the second side in the link (era2, flags2): it belongs to the compare view (mode=compare).',
  );
  const { compare: _dropped, ...rest } = state;
  return rest;
}

/** A step belongs to the scenario it was taken in: it is dropped with the scenario. */
function withoutStep(state: LinkState): LinkState {
  const { step: _dropped, ...rest } = state;
  return rest;
}

type Content = Pick<LinkState, 'scenario' | 'era' | 'flags' | 'compare'>;

/** v1 content, or the one sentence that says why the link cannot be opened. */
function decodeV1(
  params: URLSearchParams,
  options: DecodeOptions,
): { state: Content; notices: string[] } | string {
  const s = params.get('scenario');
  // `+` is part of lz-string's URI alphabet; a link whose `+` was left unescaped reads it as space
  const j = params.get('j')?.replaceAll(' ', '+') ?? null;
  const e = params.get('era') ?? '';
  const f = params.get('flags') ?? '';
  const e2 = params.get('era2') ?? '';
  const f2 = params.get('flags2') ?? '';
  const c = params.get('c');
  const damaged = (why: string) => `This link is damaged (${why}): ${DEFAULT_OPENS}.`;
  if (c === null) return damaged('its checksum is missing');
  if (s !== null && j !== null) return damaged('it names two scenarios');
  const refText = s !== null ? `s:${s}` : j !== null ? `j:${j}` : '';
  if (checksum(signed(String(LINK_VERSION), refText, e, f, e2, f2)) !== c) {
    return damaged('its checksum does not match: part of it was lost or changed');
  }
  const state: Content = {};
  const notices: string[] = [];
  if (s !== null) {
    if (!options.builtinIds.includes(s)) {
      return `This link names a built-in scenario that does not exist here (${JSON.stringify(short(s))}): ${DEFAULT_OPENS}.`;
    }
    state.scenario = { kind: 'builtin', id: s };
  } else if (j !== null) {
    const scenario = decompressScenario(j);
    if (typeof scenario === 'string') {
      return `The scenario in this link cannot be opened (${scenario}): ${DEFAULT_OPENS}.`;
    }
    state.scenario = { kind: 'custom', scenario };
  }
  const era = readEra(e === '' ? null : e, 'the era', notices);
  if (era) state.era = era;
  if (f !== '') {
    const flags = parseFlags(f);
    if (flags.ok) state.flags = flags.flags;
    else notices.push(`Ignored the flags in the link: ${flags.error}.`);
  }
  const compare: NonNullable<LinkState['compare']> = {};
  const era2 = readEra(e2 === '' ? null : e2, 'the second side’s era (era2)', notices);
  if (era2) compare.era = era2;
  if (f2 !== '') {
    const flags = parseFlags(f2);
    if (flags.ok) compare.flags = flags.flags;
    else notices.push(`Ignored the second side’s flags in the link (flags2): ${flags.error}.`);
  }
  if (compare.era || compare.flags) state.compare = compare;
  return { state, notices };
}

/** An era parameter, or a notice naming what was ignored. */
function readEra(raw: string | null, what: string, notices: string[]): EraId | undefined {
  if (raw === null) return undefined;
  if (isEraId(raw)) return raw;
  notices.push(`Ignored ${what} in the link (${JSON.stringify(short(raw))} is not a known era).`);
  return undefined;
}

/** The scenario of a `j=` value, or why not (a ScenarioError's message). */
export function decompressScenario(j: string): Scenario | string {
  let text: string | null;
  try {
    text = decompressFromEncodedURIComponent(j);
  } catch {
    text = null;
  }
  if (!text) return 'its compressed data is corrupt';
  try {
    return parseScenario(text);
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

/** The plain links of the first version: `?scenario=ID&era=ERA&step=N&embed=1`. */
function decodeLegacy(params: URLSearchParams, options: DecodeOptions, notices: string[]): Content {
  const out: Content = {};
  const id = params.get('scenario');
  if (id !== null) {
    if (options.builtinIds.includes(id)) out.scenario = { kind: 'builtin', id };
    else
      notices.push(
        `This link names a built-in scenario that does not exist here (${JSON.stringify(short(id))}): ${DEFAULT_OPENS}.`,
      );
  }
  const era = readEra(params.get('era'), 'the era', notices);
  if (era) out.era = era;
  const era2 = readEra(params.get('era2'), 'the second side’s era (era2)', notices);
  if (era2) out.compare = { era: era2 };
  return out;
}

function short(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

/** The link state of what the page shows. */
export function linkStateOf(input: {
  scenario: ScenarioRef;
  era: EraId | null;
  flags: Partial<Flags>;
  step: number;
  theme?: LinkState['theme'];
  view?: string;
  mode?: LinkState['mode'];
  compare?: LinkState['compare'];
}): LinkState {
  return {
    scenario: input.scenario,
    ...(input.era !== null ? { era: input.era } : {}),
    ...(Object.keys(input.flags).length > 0 ? { flags: input.flags } : {}),
    step: input.step,
    ...(input.theme ? { theme: input.theme } : {}),
    ...(input.view ? { view: input.view } : {}),
    ...(input.mode ? { mode: input.mode } : {}),
    ...(input.mode === 'compare' && input.compare ? { compare: input.compare } : {}),
  };
}
