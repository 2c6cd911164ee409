import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createPageController } from './app/controller';
import { openLink } from './app/openLink';
import { readMicroPreference } from './storage/stepPreference';
import { useAppStore } from './store';
import { App } from './view/page/App';
import './view/page/app.css';

// The link decides what opens; what it cannot open is told on the page (never a blank page).
const link = openLink(window.location.search);
// The controller owns the playback machine and hands it each new trace (src/app/controller.ts).
const embed = link.embed;
// The home page (no scenario, no step asked for) opens the first tour at its first caption.
const home = embed === undefined && link.scenario === undefined && link.step === undefined;
const controller = createPageController(useAppStore, {
  step: link.step,
  home,
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

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App
      controller={controller}
      embed={embed !== undefined}
      embedOptions={embed}
      invite={home && useAppStore.getState().compareOn === false}
    />
  </StrictMode>,
);
