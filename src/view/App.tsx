// The page: header with the scenario and era pickers, the playback bar, the step log and the
// AVC matrix. `?embed=1` shows the graph and the playback bar only (Contract 4).
import { useEffect, useRef } from 'react';
import { useUrlSync } from '../embed/useUrlSync';
import type { Session } from '../session/session';
import { sessionTotal } from '../session/session';
import { useAppStore } from '../store';
import { PlaybackBar } from './controls/PlaybackBar';
import { EraPicker, ScenarioPicker } from './controls/ScenarioPicker';
import { ForestView } from './ForestView';
import { Playback, useCursor } from './playbackContext';
import { useKeyboard } from './useKeyboard';
import { useSession } from './useSession';

export interface AppProps {
  /** cursor to open at, from the URL */
  initialStep?: number | 'end' | undefined;
  embed?: boolean;
}

export function App({ initialStep, embed = false }: AppProps) {
  const session = useSession();
  if (!session) return <p className="fatal">No built-in scenario is available.</p>;
  const total = sessionTotal(session);
  const cursor = initialStep === 'end' ? total : (initialStep ?? 0);
  return (
    <Playback.Provider options={{ input: { total, cursor } }}>
      <Page session={session} embed={embed} />
    </Playback.Provider>
  );
}

function Page({ session, embed }: { session: Session; embed: boolean }) {
  useLoadTrace(session);
  useKeyboard();
  const cursor = useCursor();
  const eraOverride = useAppStore((s) => s.eraOverride);
  useUrlSync({ scenario: session.scenarioId, era: eraOverride, step: cursor, embed });

  return (
    <div className={`app${embed ? ' is-embed' : ''}`}>
      {!embed && (
        <header className="app-header">
          <h1>anon-vma-forest</h1>
          <ScenarioPicker value={session.scenarioId} />
          <EraPicker value={session.era} scenarioEra={session.scenario.era} />
        </header>
      )}
      <main className="app-main">
        <PlaybackBar />
        {session.ok ? (
          <ForestView trace={session.trace} scenario={session.scenario} embed={embed} />
        ) : (
          <p className="session-error" role="alert" data-testid="session-error">
            {session.error}
          </p>
        )}
      </main>
    </div>
  );
}

/** Hands a new trace to the playback machine: another scenario starts at step 0. */
function useLoadTrace(session: Session): void {
  const actor = Playback.useActorRef();
  const last = useRef(session);
  useEffect(() => {
    if (last.current === session) return;
    const newScenario = last.current.scenarioId !== session.scenarioId;
    last.current = session;
    const total = sessionTotal(session);
    actor.send(newScenario ? { type: 'LOAD', total, cursor: 0 } : { type: 'LOAD', total });
  }, [actor, session]);
}
