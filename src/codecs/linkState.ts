// What a link carries (Contract 4: "the state of the page lives in the URL"). The codec turns it
// into a query string and back (urlCodec.ts); the page applies it to the store (applyLink.ts).
import type { EraId, Flags } from '../kernel/flags';
import type { Scenario } from '../kernel/scenarioTypes';

/** A built-in scenario by id, or the user's own scenario carried whole in the link. */
export type ScenarioRef = { kind: 'builtin'; id: string } | { kind: 'custom'; scenario: Scenario };

export type LinkTheme = 'light' | 'dark';

/** `?embed=1` and its presentation parameters; all can be edited by hand in an iframe's src. */
export interface EmbedOptions {
  /** first step of the playable range */
  start?: number;
  /** last step of the playable range */
  end?: number;
  loop?: boolean;
  autoplay?: boolean;
  /** playback speed, a multiple of the base rate */
  speed?: number;
  /** false: no playback bar (the host drives the embed with postMessage) */
  controls?: boolean;
  /** false: no scenario title above the drawing */
  title?: boolean;
  /** false: no caption (the scenario's narration at the cursor) */
  caption?: boolean;
  /** false: no one-line text of the step at the cursor */
  text?: boolean;
}

/** How the page is laid out: the default view, lecture mode, or the compare view. */
export type LinkMode = 'lecture' | 'compare';

/** The compare view's second (right) side: an era and flags on top of its preset. */
export interface CompareLink {
  era?: EraId;
  flags?: Partial<Flags>;
}

export interface LinkState {
  /** absent: the default scenario */
  scenario?: ScenarioRef;
  era?: EraId;
  flags?: Partial<Flags>;
  /** micro-steps taken, 0..TOTAL; `end` is the last step */
  step?: number | 'end';
  /** which drawing of the forest (a short token such as `matrix`) */
  view?: string;
  theme?: LinkTheme;
  /** present: embed mode */
  embed?: EmbedOptions;
  /** absent: the default view */
  mode?: LinkMode;
  /** compare mode: the right side (absent: the scenario's default right side) */
  compare?: CompareLink;
}

/** A decoded link: what to open, and what to tell the reader about what could not be opened. */
export interface DecodedLink {
  state: LinkState;
  /** the link format the URL was written in: 0 for the plain `?scenario=` links, null for none */
  version: 0 | 1 | null;
  /** plain sentences, shown as text */
  notices: string[];
}
