import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { createPageController } from './app/controller';
import { parseInbound } from './codecs/messages';
import type { PageController } from './app/controller';
import { openLink } from './app/openLink';
import { parseMoreBuiltins } from './scenarios';
import { sessionOf } from './session/current';
import { readMicroPreference } from './storage/stepPreference';
import { useAppStore } from './store';
import { App } from './view/page/App';
import { traceLayout } from './view/trace/useTraceLayout';
import './view/page/app.css';

// Start-up in pieces, each its own task, so no single one holds the main thread long while the
// shell is on screen (index.html): the link (and the store it fills), the first trace replayed,
// the controller (its playback machine), the other built-in scenarios parsed a few at a time, the
// graph's first state and layout, then React's first render, which a transition renders in slices.
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function start() {
  // The link decides what opens; what it cannot open is told on the page (never a blank page).
  const link = openLink(window.location.search);
  const embed = link.embed;
  // The home page (no scenario, no step asked for) opens the first tour at its first caption.
  const home = embed === undefined && link.scenario === undefined && link.step === undefined;
  await nextTask();
  // the first trace, replayed in a task of its own (the trace service keeps it for the controller)
  sessionOf(useAppStore.getState());
  await nextTask();
  // The controller owns the playback machine and hands it each new trace (src/app/controller.ts).
  const controller = createPageController(useAppStore, {
    step: link.step,
    home,
    deferChanges: true,
    // an embed plays every step alike, as its author timed it; the page as the reader chose
    micro: embed !== undefined || readMicroPreference(),
    ...(embed
      ? {
          range: {
            ...(embed.start !== undefined ? { start: embed.start } : {}),
            ...(embed.end !== undefined ? { end: embed.end } : {}),
            loop: embed.loop ?? false,
          },
          speed: embed.speed,
          autoplay: embed.autoplay,
        }
      : {}),
  });
  await nextTask();
  // the picker lists every built-in by title: parse the rest now, a few per task
  while (!parseMoreBuiltins(4)) await nextTask();
  // the graph's first picture: the state at the cursor, then the layout of the whole trace (a
  // sample of its states), each in a task of its own, so React's render finds them made
  const { trace, cursor } = controller.actor.getSnapshot().context;
  if (trace) {
    await nextTask();
    trace.stateAt(cursor);
    await nextTask();
    traceLayout(trace);
    await nextTask();
  }
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  const invite = home && useAppStore.getState().compareOn === false;
  startTransition(() =>
    createRoot(root).render(
      <StrictMode>
        <App
          controller={controller}
          embed={embed !== undefined}
          embedOptions={embed}
          invite={invite}
        />
      </StrictMode>,
    ),
  );
  settleWhenIdle(controller);
}

/**
 * Where → lands (the controller's deferred changes) is worked out once the page is idle, or at
 * the reader's first key, press or message from a host page, before any of them reaches the page.
 */
function settleWhenIdle(controller: PageController) {
  const events = ['keydown', 'pointerdown', 'message'] as const;
  const settle = (e?: Event) => {
    // only a message the page acts on (not the state it posts to itself when not framed)
    if (e instanceof MessageEvent && parseInbound(e.data) === null) return;
    for (const type of events) window.removeEventListener(type, settle, true);
    controller.settle();
  };
  for (const type of events) window.addEventListener(type, settle, true);
  if (typeof requestIdleCallback === 'function')
    requestIdleCallback(() => settle(), { timeout: 3000 });
  else setTimeout(settle, 1000);
}

// not awaited: a top-level await would make the bundler split the app into many small chunks
void start();
