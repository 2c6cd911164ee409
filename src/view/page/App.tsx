// The page: a one-row header with the scenario and era pickers, then the stage (the playback bar
// and the graph, with the dock of step text and tools beside it; trace/MainView.tsx). `?embed=1`
// opens the embed page instead (embed/EmbedPage.tsx, a chunk of its own, Contract 4). The
// playback actor comes from the page's controller (src/app/controller.ts), which hands it every
// new trace.
import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import type { MouseEvent } from 'react';
import type { PageController } from '../../app/controller';
import type { EmbedOptions } from '../../codecs/linkState';
import { withCaptions } from '../../narration/captions';
import { useAppStore } from '../../store';
import { PlaybackBar } from '../controls/PlaybackBar';
import { CompareToggle, LectureToggle } from '../controls/ModeToggles';
import { EraPicker, ScenarioPicker } from '../controls/ScenarioPicker';
import { Sharing } from '../embed/Sharing';
import { Inspector } from '../inspector/Inspector';
import { Invitation } from '../intro/Invitation';
import { BigLoad } from '../load/BigLoad';
import { useKeyboard } from '../keyboard/useKeyboard';
import { Playback, useShownTrace } from '../playback/playback';
import { DropImport } from '../share/DropImport';
import { NoticeList } from '../share/NoticeList';
import { SharePanel } from '../share/SharePanel';
import { CpuPatternDefs } from '../theme/CpuPatternDefs';
import { ThemeToggle } from '../theme/ThemeToggle';
import { useThemeRoot } from '../theme/useThemeRoot';
import { MainView } from '../trace/MainView';
import { useDocumentTitle } from './documentTitle';
import { BuilderSide, CompareView, ExplorePanel, Lecture, MetricsPanel } from './lazyViews';
import { useSession } from './useSession';

export interface AppProps {
  controller: PageController;
  embed?: boolean;
  /** the embed options of the link (start, end, loop, autoplay, speed, controls) */
  embedOptions?: EmbedOptions | undefined;
  /** the home page (a link with no scenario and no step): invite the reader to step the tour */
  invite?: boolean;
}

const EmbedPage = lazy(() => import('../embed/EmbedPage').then((m) => ({ default: m.EmbedPage })));
const NO_OPTIONS: EmbedOptions = {};

export function App({ controller, embed = false, embedOptions, invite = false }: AppProps) {
  return (
    <Playback.Provider value={controller.actor}>
      {embed ? (
        <Suspense
          fallback={
            <p className="lazy-placeholder" role="status">
              Loading…
            </p>
          }
        >
          <EmbedPage options={embedOptions ?? NO_OPTIONS} />
        </Suspense>
      ) : (
        <Page invite={invite} />
      )}
    </Playback.Provider>
  );
}

function Page({ invite }: { invite: boolean }) {
  const session = useSession();
  const [inviting, setInviting] = useState(invite);
  const invited = useCallback(() => setInviting(false), []);
  // the trace only: the views below read the cursor themselves, so a step re-renders them alone
  const trace = useShownTrace();
  useKeyboard({ presenter: true });
  const theme = useThemeRoot();
  const compare = useAppStore((s) => s.compareOn);
  const lecture = useAppStore((s) => s.lectureOn);
  useDocumentTitle(session?.scenario.title ?? null, session?.era ?? null);
  const captioned = useMemo(
    () => (session && trace ? withCaptions(session.scenario, trace) : session?.scenario),
    [session, trace],
  );
  if (!session || !captioned) return <p className="fatal">No built-in scenario is available.</p>;
  const bar = (
    <>
      <PlaybackBar />
      {/* a lecture has its own caption band and a presenter at the keys */}
      {inviting && !lecture && <Invitation onDone={invited} />}
    </>
  );
  // The tool panels: in the dock beside the graph, or below the compare view.
  const tools = (
    <>
      <Inspector />
      <div className="panel">
        <ExplorePanel session={session} />
      </div>
      <BuilderSide session={session} />
    </>
  );

  return (
    <div
      className="app"
      data-theme={theme}
      data-lecture={lecture ? 'true' : undefined}
      data-compare={compare ? 'true' : undefined}
    >
      <a className="skip-link" href="#graph" onClick={skipToGraph}>
        Skip to the graph
      </a>
      <CpuPatternDefs />
      <Sharing session={session} embed={false} />
      <header className="app-header">
        <h1>anon-vma-forest</h1>
        <ScenarioPicker value={session.scenarioId} />
        <EraPicker value={session.era} scenarioEra={session.scenario.era} />
        <ThemeToggle />
        <CompareToggle />
        <LectureToggle />
        <SharePanel session={session} />
      </header>
      <NoticeList />
      <BigLoad />
      <DropImport />
      <div className="app-body">
        <main className="app-main">
          {trace && compare ? (
            <>
              {bar}
              <CompareView
                scenarioId={session.scenarioId}
                scenario={session.scenario}
                era={session.era}
                trace={trace}
              />
            </>
          ) : trace ? (
            <MainView trace={trace} scenario={captioned} bar={bar} tools={tools} />
          ) : (
            <>
              {bar}
              <p className="session-error" role="alert" data-testid="session-error">
                {session.ok ? 'The scenario did not replay.' : session.error}
              </p>
            </>
          )}
          <MetricsPanel session={session} />
        </main>
        {(compare || !trace) && (
          // Two forests side by side need the width: the tools go below them.
          <aside className="side-panel" aria-label="Tools">
            {tools}
          </aside>
        )}
      </div>
      {lecture && trace && <Lecture scenario={captioned} opStarts={trace.opStarts} />}
    </div>
  );
}

/** The skip link moves focus to the graph pane without writing a #fragment into the page's URL. */
function skipToGraph(e: MouseEvent<HTMLAnchorElement>) {
  const graph = document.getElementById('graph');
  if (!graph) return;
  e.preventDefault();
  graph.focus();
}
