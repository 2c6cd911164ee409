// The page in an iframe (`embed=1`): a frame that tells its story. Top to bottom: the scenario's
// title and era, the caption at the cursor, the step's one line (each can be turned off with
// `title=0`, `caption=0`, `text=0`), the drawing, which takes whatever height is left and opens
// fitted to it (or, when its text would shrink below the embed's floor, framing the step's
// subject), then the playback bar (unless `controls=0`) and "Open full view". The column is
// exactly the frame's height, so nothing is cut off and nothing is blank at any frame size; the
// frame tells a listening host the height it would like (embedFit.ts). `mode=compare` shows the
// compare view (its panes side by side or stacked by the frame's width), `mode=lecture` the
// caption in lecture type. A chunk of its own: the full page never loads it.
import { useCallback, useMemo, useRef, useState } from 'react';
import type { RefObject } from 'react';
import type { EmbedOptions } from '../../codecs/linkState';
import { withCaptions } from '../../narration/captions';
import type { Session } from '../../session/session';
import type { Scenario } from '../../kernel';
import type { Trace } from '../../session/traces';
import { useAppStore } from '../../store';
import { PlaybackBar } from '../controls/PlaybackBar';
import { useKeyboard } from '../keyboard/useKeyboard';
import { CompareView } from '../page/lazyViews';
import { useDocumentTitle } from '../page/documentTitle';
import { useSession } from '../page/useSession';
import { usePlayhead, useShownTrace } from '../playback/playback';
import { EmbedFooter } from '../share/EmbedFooter';
import { NoticeList } from '../share/NoticeList';
import { CpuPatternDefs } from '../theme/CpuPatternDefs';
import { useThemeRoot } from '../theme/useThemeRoot';
import { TracePane } from '../trace/TracePane';
import { useFrameHeight } from './embedFit';
import { EmbedCaption, EmbedStepText } from './EmbedStory';
import { BigLoad } from '../load/BigLoad';
import { Sharing } from './Sharing';
import './embedPage.css';

type Size = { width: number; height: number };

export function EmbedPage({ options }: { options: EmbedOptions }) {
  const session = useSession();
  const trace = useShownTrace();
  const compare = useAppStore((s) => s.compareOn);
  const lecture = useAppStore((s) => s.lectureOn) && !compare;
  useKeyboard({ presenter: lecture });
  const theme = useThemeRoot();
  useDocumentTitle(session?.scenario.title ?? null, session?.era ?? null);
  const captioned = useMemo(
    () => (session && trace ? withCaptions(session.scenario, trace) : session?.scenario),
    [session, trace],
  );
  const root = useRef<HTMLDivElement>(null);
  const pane = useRef<HTMLDivElement>(null);
  const [content, setContent] = useState<Size | null>(null);
  const onContent = useCallback(
    (size: Size) =>
      setContent((old) =>
        old && old.width === size.width && old.height === size.height ? old : size,
      ),
    [],
  );
  // compare: the document is as tall as both panes, and says so itself (useEmbedApi)
  useFrameHeight(root, pane, content, !compare);
  if (!session || !captioned) return <p className="fatal">No built-in scenario is available.</p>;

  const mode = compare ? 'compare' : lecture ? 'lecture' : 'story';
  return (
    <div
      ref={root}
      className="app is-embed embed-page"
      data-theme={theme}
      data-mode={mode}
      data-testid="embed-page"
    >
      <CpuPatternDefs />
      <Sharing session={session} embed options={options} reportResize={compare} />
      {options.title !== false && <EmbedTitle session={session} />}
      <NoticeList />
      <BigLoad />
      <main className="embed-main">
        {trace && options.caption !== false && !compare && (
          <EmbedCaption scenario={captioned} trace={trace} lecture={lecture} />
        )}
        {trace && options.text !== false && <EmbedStepText scenario={captioned} trace={trace} />}
        {trace && compare ? (
          <CompareView
            scenarioId={session.scenarioId}
            scenario={session.scenario}
            era={session.era}
            trace={trace}
          />
        ) : trace ? (
          <EmbedDrawing trace={trace} scenario={captioned} paneRef={pane} onContent={onContent} />
        ) : (
          <p className="session-error" role="alert" data-testid="session-error">
            {session.ok ? 'The scenario did not replay.' : session.error}
          </p>
        )}
        {options.controls !== false && <PlaybackBar />}
      </main>
      <EmbedFooter />
    </div>
  );
}

function EmbedTitle({ session }: { session: Session }) {
  return (
    <header className="embed-head">
      <h1 className="embed-title" data-testid="embed-title">
        {session.scenario.title}
      </h1>
      <span className="embed-era" data-testid="embed-era">{`Linux ${session.era}`}</span>
    </header>
  );
}

/**
 * The drawing at the cursor in the room the frame leaves it: whole when it fits with its text at
 * the embed's floor, else at that floor framing the step's subject.
 */
function EmbedDrawing({
  trace: shown,
  scenario,
  paneRef,
  onContent,
}: {
  trace: Trace;
  scenario: Scenario;
  paneRef: RefObject<HTMLDivElement | null>;
  onContent: (size: Size) => void;
}) {
  const { trace, cursor } = usePlayhead() ?? { trace: shown, cursor: 0 };
  const view = useAppStore((s) => s.graphView);
  return (
    <div
      ref={paneRef}
      className="embed-drawing graph-frame"
      data-view={view}
      data-testid="graph-frame"
    >
      {trace.stopped !== null && (
        <p className="trace-stopped" role="status">{`The model stopped: ${trace.stopped}`}</p>
      )}
      <TracePane
        id="graph"
        label="anon_vma forest graph"
        trace={trace}
        cursor={cursor}
        embedded
        scenario={scenario}
        onContent={onContent}
        emptyText={
          cursor === 0
            ? 'No process yet: press Play or Step to run the scenario.'
            : 'No process is alive at this step.'
        }
      />
    </div>
  );
}
