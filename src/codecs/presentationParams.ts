// The parameters of a link that are not covered by its checksum: step, view, theme, mode and the
// embed options. A blogger edits them by hand in an iframe's src (`&autoplay=1&start=5`), so each is
// checked on its own and a bad one is ignored with a notice instead of failing the whole link.
import type { EmbedOptions, LinkMode, LinkState, LinkTheme } from './linkState';

const MAX_STEP = 10_000_000;
const STEP = /^\d{1,8}$/;
const VIEW = /^[a-z][a-z0-9-]{0,23}$/;
const SPEED = /^\d{1,2}(\.\d{1,3})?$/;

function quote(s: string): string {
  return JSON.stringify(s.length > 30 ? `${s.slice(0, 30)}…` : s);
}

export function parseStep(raw: string): number | 'end' | null {
  if (raw === 'end') return 'end';
  if (!STEP.test(raw)) return null;
  const n = Number(raw);
  return n <= MAX_STEP ? n : null;
}

function parseBool(raw: string): boolean | null {
  return raw === '1' || raw === 'true' ? true : raw === '0' || raw === 'false' ? false : null;
}

type Presentation = Pick<LinkState, 'step' | 'view' | 'theme' | 'embed' | 'mode'>;

/** The parameters that mean something only in an embed (`embed=1`). */
export const EMBED_ONLY = [
  'start',
  'end',
  'loop',
  'autoplay',
  'speed',
  'controls',
  'title',
  'caption',
  'text',
] as const;
/** The embed options that are 1 or 0. */
const EMBED_BOOLS = ['loop', 'autoplay', 'controls', 'title', 'caption', 'text'] as const;
const MODES: readonly LinkMode[] = ['lecture', 'compare'];

/** Reads step, view, theme and the embed options; each bad value becomes a notice. */
export function parsePresentation(params: URLSearchParams, notices: string[]): Presentation {
  const out: Presentation = {};
  const bad = (name: string, raw: string, what: string) =>
    notices.push(`Ignored ${name}=${quote(raw)} in the link: ${what}.`);

  const step = params.get('step');
  if (step !== null) {
    const n = parseStep(step);
    if (n === null) bad('step', step, 'a step is a whole number or "end"');
    else out.step = n;
  }
  const view = params.get('view');
  if (view !== null) {
    if (VIEW.test(view)) out.view = view;
    else bad('view', view, 'not a view name');
  }
  const theme = params.get('theme');
  if (theme !== null) {
    if (theme === 'light' || theme === 'dark') out.theme = theme satisfies LinkTheme;
    else bad('theme', theme, 'the theme is light or dark');
  }
  const mode = params.get('mode');
  if (mode !== null) {
    const known = MODES.find((m) => m === mode);
    if (known) out.mode = known;
    else bad('mode', mode, 'the mode is lecture or compare');
  }
  const embed = params.get('embed');
  if (embed !== '1') {
    if (embed !== null && embed !== '0') bad('embed', embed, 'embed is 1 or 0');
    for (const name of EMBED_ONLY) {
      const raw = params.get(name);
      if (raw !== null) bad(name, raw, 'it applies to embeds only (embed=1)');
    }
    return out;
  }
  const options: EmbedOptions = {};
  for (const name of ['start', 'end'] as const) {
    const raw = params.get(name);
    if (raw === null) continue;
    const n = parseStep(raw);
    if (typeof n === 'number') options[name] = n;
    else bad(name, raw, 'a step is a whole number');
  }
  if (options.start !== undefined && options.end !== undefined && options.start > options.end) {
    notices.push('Ignored start and end in the link: start comes after end.');
    delete options.start;
    delete options.end;
  }
  for (const name of EMBED_BOOLS) {
    const raw = params.get(name);
    if (raw === null) continue;
    const b = parseBool(raw);
    if (b === null) bad(name, raw, `${name} is 1 or 0`);
    else options[name] = b;
  }
  const speed = params.get('speed');
  if (speed !== null) {
    const n = Number(speed);
    if (SPEED.test(speed) && n > 0 && n <= 64) options.speed = n;
    else bad('speed', speed, 'the speed is a number above 0, at most 64');
  }
  out.embed = options;
  return out;
}

/** Writes step, view, theme and the embed options into `params`, in a fixed order. */
export function writePresentation(params: URLSearchParams, state: Presentation): void {
  if (state.step !== undefined) params.set('step', String(state.step));
  if (state.view !== undefined) params.set('view', state.view);
  if (state.theme !== undefined) params.set('theme', state.theme);
  if (state.mode !== undefined) params.set('mode', state.mode);
  const e = state.embed;
  if (!e) return;
  params.set('embed', '1');
  if (e.start !== undefined) params.set('start', String(e.start));
  if (e.end !== undefined) params.set('end', String(e.end));
  if (e.loop !== undefined) params.set('loop', e.loop ? '1' : '0');
  if (e.autoplay !== undefined) params.set('autoplay', e.autoplay ? '1' : '0');
  if (e.speed !== undefined) params.set('speed', String(e.speed));
  if (e.controls !== undefined) params.set('controls', e.controls ? '1' : '0');
  for (const name of ['title', 'caption', 'text'] as const) {
    const on = e[name];
    if (on !== undefined) params.set(name, on ? '1' : '0');
  }
}
