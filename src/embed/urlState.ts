// Contract 4: the state of the page lives in the URL, so a copied link reopens what was shown.
// `?scenario=ID&era=ERA&step=N` (flags come later, in the same codec).
import { isEraId } from '../kernel/flags';
import type { EraId } from '../kernel/flags';

export interface UrlState {
  scenario?: string;
  era?: EraId;
  /** micro-steps taken, 0..TOTAL; `end` in the URL means the last step */
  step?: number | 'end';
  embed?: boolean;
}

export function parseUrlState(search: string): UrlState {
  const params = new URLSearchParams(search);
  const out: UrlState = {};
  const scenario = params.get('scenario');
  if (scenario) out.scenario = scenario;
  const era = params.get('era');
  if (isEraId(era)) out.era = era;
  const step = params.get('step');
  if (step === 'end') out.step = 'end';
  else if (step !== null && /^\d+$/.test(step)) out.step = Number(step);
  if (params.get('embed') === '1') out.embed = true;
  return out;
}

/** The query string for `state` (with its leading `?`, or empty), keys in a fixed order. */
export function formatUrlState(state: UrlState): string {
  const params = new URLSearchParams();
  if (state.scenario !== undefined) params.set('scenario', state.scenario);
  if (state.era !== undefined) params.set('era', state.era);
  if (state.step !== undefined) params.set('step', String(state.step));
  if (state.embed) params.set('embed', '1');
  const text = params.toString();
  return text ? `?${text}` : '';
}
