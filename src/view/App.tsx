// The page: header with the scenario and era pickers, the playback bar, the step log and the
// AVC matrix. `?embed=1` shows the graph and the playback bar only (Contract 4).
import { useEffect, useMemo, useRef } from 'react';
import type { MouseEvent } from 'react';
import type { EmbedOptions } from '../embed/linkState';
import { Sharing } from '../embed/Sharing';
import type { Session } from '../session/session';
import { sessionTotal } from '../session/session';
import { CUSTOM_ID } from '../session/current';
import { NO_MARKS, traceMarks } from '../machine/marks';
import { BuilderSide } from './builder/BuilderSide';
import { CompareToggle, CompareView } from './compare/CompareView';
import { withCaptions } from '../narration/captions';
import { Lecture, LectureToggle } from './lecture/Lecture';
import { ExplorePanel } from './explore/ExplorePanel';
import { MetricsPanel } from './metrics/MetricsPanel';
import { useAppStore } from '../store';
import { PlaybackBar } from './controls/PlaybackBar';
import { EraPicker, ScenarioPicker } from './controls/ScenarioPicker';
import { ForestView } from './ForestView';
import { Inspector } from './inspector/Inspector';
import { Playback } from './playbackContext';
import { DropImport } from './share/DropImport';
import { EmbedFooter } from './share/EmbedFooter';
import { NoticeList } from './share/NoticeList';
import { SharePanel } from './share/SharePanel';
import { CpuPatternDefs } from './theme/CpuPatternDefs';
import { ThemeToggle } from './theme/ThemeToggle';
import { useThemeRoot } from './theme/useThemeRoot';
import { useKeyboard } from './useKeyboard';
import { useSession } from './useSession';

export interface AppProps {
  /** cursor to open at, from the URL */
  initialStep?: number | 'end' | undefined;
  embed?: boolean;
  /** the embed options of the link (start, end, loop, autoplay, speed, controls) */
  embedOptions?: EmbedOptions | undefined;
}

export function App({ initialStep, embed = false, embedOptions }: AppProps) {
  const session = useSession();
  if (!session) return <p className="fatal">No built-in scenario is available.</p>;
  const total = sessionTotal(session);
  const cursor = initialStep === 'end' ? total : (initialStep ?? 0);
  return (
    <Playback.Provider options={{ input: { total, cursor, marks: sessionMarks(session) } }}>
      <Page session={session} embed={embed} embedOptions={embedOptions} />
    </Playback.Provider>
  );
}

function Page({
  session,
  embed,
  embedOptions,
}: {
  session: Session;
  embed: boolean;
  embedOptions: EmbedOptions | undefined;
}) {
  useLoadTrace(session);
  useKeyboard();
  const theme = useThemeRoot();
  // Compare view and lecture mode are for the full page, never for an embed.
  const compare = useAppStore((s) => s.compareOn) && !embed;
  const lecture = useAppStore((s) => s.lectureOn) && !embed;
  const captioned = useMemo(
    () => (session.ok ? withCaptions(session.scenario, session.trace) : session.scenario),
    [session],
  );

  return (
    <div
      className={`app${embed ? ' is-embed' : ''}`}
      data-theme={theme}
      data-lecture={lecture ? 'true' : undefined}
      data-compare={compare ? 'true' : undefined}
    >
      <a className="skip-link" href="#graph" onClick={skipToGraph}>
        Skip to the graph
      </a>
      <CpuPatternDefs />
      <Sharing session={session} embed={embed} options={embedOptions} />
      {!embed && (
        <header className="app-header">
          <h1>anon-vma-forest</h1>
          <ScenarioPicker value={session.scenarioId} />
          <EraPicker value={session.era} scenarioEra={session.scenario.era} />
          <ThemeToggle />
          <CompareToggle />
          <LectureToggle />
          <SharePanel session={session} />
        </header>
      )}
      <NoticeList />
      {!embed && <DropImport />}
      <div className="app-body">
        <main className="app-main">
          {(!embed || embedOptions?.controls !== false) && <PlaybackBar />}
          {session.ok && compare ? (
            <CompareView
              scenarioId={session.scenarioId}
              scenario={session.scenario}
              era={session.era}
              trace={session.trace}
            />
          ) : session.ok ? (
            <ForestView trace={session.trace} scenario={captioned} embed={embed} />
          ) : (
            <p className="session-error" role="alert" data-testid="session-error">
              {session.error}
            </p>
          )}
          {!embed && <MetricsPanel session={session} />}
        </main>
        {!embed && (
          // Side-panel boxes (inspector, code, builder) go in this one aside.
          <aside className="side-panel" aria-label="Tools">
            <Inspector />
            <div className="panel">
              <ExplorePanel session={session} />
            </div>
            <BuilderSide session={session} />
          </aside>
        )}
      </div>
      {!embed && session.ok && (
        <Lecture
          scenario={captioned}
          opStarts={session.trace.opStarts}
          total={session.trace.steps.length}
        />
      )}
      {embed && <EmbedFooter />}
    </div>
  );
}

/**
 * Hands a new trace to the playback machine: another scenario starts at step 0, an edit moves the
 * cursor to the end of the new trace (the store's `cursorIntent` says which).
 */
function useLoadTrace(session: Session): void {
  const actor = Playback.useActorRef();
  const last = useRef(session);
  useEffect(() => {
    if (last.current === session) return;
    // An edit turns a built-in into the custom scenario: the store's intent (end) decides then.
    const newScenario =
      last.current.scenarioId !== session.scenarioId && session.scenarioId !== CUSTOM_ID;
    last.current = session;
    const total = sessionTotal(session);
    const marks = sessionMarks(session);
    // an edit of a built-in opens the user's copy at its end; anything else new starts at 0
    const wanted = useAppStore.getState().cursorIntent;
    const intent = newScenario && wanted === 'keep' ? 'start' : wanted;
    if (intent === 'keep') actor.send({ type: 'LOAD', total, marks });
    else actor.send({ type: 'LOAD', total, marks, cursor: intent === 'start' ? 0 : 'end' });
  }, [actor, session]);
}

/** Where the playback machine's jumps go in this session's trace. */
const sessionMarks = (session: Session) => (session.ok ? traceMarks(session.trace) : NO_MARKS);

/** The skip link moves focus to the graph pane without writing a #fragment into the page's URL. */
function skipToGraph(e: MouseEvent<HTMLAnchorElement>) {
  const graph = document.getElementById('graph');
  if (!graph) return;
  e.preventDefault();
  graph.focus();
}
