// The postMessage API (DESIGN.md Contract 4). Listens to the embedding page (or the page's own
// window), validates each message (messages.ts) and turns it into a playback event or a scenario
// load; posts `state` after every change and `resize` when the document's height changes.
// Outgoing messages use the target origin `*`: they say which step is shown, nothing secret, and
// an embed cannot know its host's origin in advance. Nothing from a message is rendered.
import { useEffect } from 'react';
import type { Outbound } from '../../codecs/messages';
import { errorMessage, parseInbound, resizeMessage, stateMessage } from '../../codecs/messages';
import { openBig } from '../../session/bigLoads';
import { takeEarlyMessages } from './earlyMessages';
import { isBigScenario } from '../../session/bigScenario';
import type { Session } from '../../session/session';
import { useAppStore } from '../../store';
import { Playback, useCursor, usePlaying, useShownTrace } from '../playback/playback';

/** The parent window when framed, else this window (DESIGN.md: "and to itself when not framed"). */
export function post(message: Outbound): void {
  const target = window.parent !== window ? window.parent : window;
  target.postMessage(message, '*');
}

/** Tells the host the height the page wants (the embed page measures its own, EmbedPage.tsx). */
export function postResize(height: number): void {
  post(resizeMessage(height));
}

/** `reportResize`: post the document's height on every change (the full page; an embed page
 * reports the height its content needs instead). */
export function useEmbedApi(session: Session, reportResize = true): void {
  const actor = Playback.useActorRef();
  const cursor = useCursor();
  const trace = useShownTrace();
  const playing = usePlaying();

  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      // only the embedding page and this page may drive it, not other frames or popups
      if (event.source !== window.parent && event.source !== window) return;
      const msg = parseInbound(event.data);
      if (msg === null) return;
      switch (msg.type) {
        // the machine keeps the cursor inside the trace and an embed's range, and plays from the
        // range's start when asked to play at its end
        case 'goto':
          actor.send({ type: 'SEEK', to: msg.step });
          break;
        case 'play':
          actor.send({ type: 'PLAY' });
          break;
        case 'pause':
          actor.send({ type: 'PAUSE' });
          break;
        case 'load': {
          // a big one opens in the load worker, which tells the host if it is refused
          if (isBigScenario(msg.scenario)) {
            openBig({ scenario: msg.scenario, file: null, source: 'embed', era: null, flags: {} });
            break;
          }
          const loaded = useAppStore.getState().loadScenario(msg.scenario);
          // the model refused it: the state is kept and the host is told why, not the reader
          if (!loaded.ok) post(errorMessage(`load rejected: ${loaded.error}`));
          break;
        }
        case 'invalid-load':
          post(errorMessage(msg.message));
          break;
      }
    };
    window.addEventListener('message', onMessage);
    // what came before the app listened, in its order (earlyMessages.ts)
    for (const event of takeEarlyMessages()) onMessage(event);
    return () => window.removeEventListener('message', onMessage);
  }, [actor]);

  const steps = trace?.steps.length ?? 0;
  const era = trace?.era ?? session.era;
  const violations = trace ? trace.violations.filter((v) => v.step <= cursor).length : 0;
  useEffect(() => {
    post(stateMessage({ step: cursor, steps, playing, era, violations }));
  }, [cursor, steps, playing, era, violations]);

  useEffect(() => {
    if (!reportResize) return;
    const root = document.documentElement;
    let last = -1;
    const report = () => {
      const height = Math.ceil(root.getBoundingClientRect().height);
      if (height === last) return;
      last = height;
      post(resizeMessage(height));
    };
    // A ResizeObserver reports the first size itself, once the frame's layout is done: measured
    // here, in the mount's effect, the height would force the whole page's first layout into the
    // task that commits it (the longest task of the start-up).
    if (typeof ResizeObserver === 'undefined') {
      report();
      return;
    }
    const observer = new ResizeObserver(report);
    observer.observe(root);
    return () => observer.disconnect();
  }, [reportResize]);
}
