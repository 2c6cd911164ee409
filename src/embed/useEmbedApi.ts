// The postMessage API (DESIGN.md Contract 4). Listens to the embedding page (or the page's own
// window), validates each message (messages.ts) and turns it into a playback event or a scenario
// load; posts `state` after every change and `resize` when the document's height changes.
// Outgoing messages use the target origin `*`: they say which step is shown, nothing secret, and
// an embed cannot know its host's origin in advance. Nothing from a message is rendered.
import { useEffect } from 'react';
import type { Session } from '../session/session';
import { sessionTotal } from '../session/session';
import { useAppStore } from '../store';
import { Playback, useCursor, usePlaying, useTotal } from '../view/playbackContext';
import { clampToRange, playFrom } from './embedRange';
import type { StepRange } from './embedRange';
import { errorMessage, parseInbound, resizeMessage, stateMessage } from './messages';
import type { Outbound } from './messages';

/** The parent window when framed, else this window (DESIGN.md: "and to itself when not framed"). */
function post(message: Outbound): void {
  const target = window.parent !== window ? window.parent : window;
  target.postMessage(message, '*');
}

export function useEmbedApi(session: Session, range: StepRange): void {
  const actor = Playback.useActorRef();
  const cursor = useCursor();
  const total = useTotal();
  const playing = usePlaying();
  const { lo, hi } = range;

  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      // only the embedding page and this page may drive it, not other frames or popups
      if (event.source !== window.parent && event.source !== window) return;
      const msg = parseInbound(event.data);
      if (msg === null) return;
      const r = { lo, hi };
      switch (msg.type) {
        case 'goto':
          actor.send({ type: 'SEEK', to: clampToRange(msg.step, r) });
          break;
        case 'play': {
          const from = playFrom(actor.getSnapshot().context.cursor, r);
          if (from !== null) actor.send({ type: 'SEEK', to: from });
          actor.send({ type: 'PLAY' });
          break;
        }
        case 'pause':
          actor.send({ type: 'PAUSE' });
          break;
        case 'load': {
          const store = useAppStore.getState();
          if (store.loadScenario(msg.scenario)) break;
          // the model refused it: the state is kept and the host is told why, not the reader
          const why = useAppStore.getState().actionError ?? 'the scenario cannot be replayed';
          store.dismissActionError();
          post(errorMessage(`load rejected: ${why}`));
          break;
        }
        case 'invalid-load':
          post(errorMessage(msg.message));
          break;
      }
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, [actor, lo, hi]);

  const steps = sessionTotal(session);
  const era = session.era;
  const violations = session.ok
    ? session.trace.violations.filter((v) => v.step <= cursor).length
    : 0;
  // While a new trace is being handed to the machine its total lags for one render, and a cursor
  // outside an embed's range is moved into it at once: neither is a state worth telling.
  const settled = total === steps && cursor >= lo && cursor <= hi;
  useEffect(() => {
    if (!settled) return;
    post(stateMessage({ step: Math.min(cursor, steps), steps, playing, era, violations }));
  }, [settled, cursor, steps, playing, era, violations]);

  useEffect(() => {
    const root = document.documentElement;
    let last = -1;
    const report = () => {
      const height = Math.ceil(root.getBoundingClientRect().height);
      if (height === last) return;
      last = height;
      post(resizeMessage(height));
    };
    report();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(report);
    observer.observe(root);
    return () => observer.disconnect();
  }, []);
}
