import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createPageController } from './app/controller';
import { openLink } from './app/openLink';
import { useAppStore } from './store';
import { App } from './view/page/App';
import './view/page/app.css';

// The link decides what opens; what it cannot open is told on the page (never a blank page).
const link = openLink(window.location.search);
// The controller owns the playback machine and hands it each new trace (src/app/controller.ts).
const embed = link.embed;
const controller = createPageController(useAppStore, {
  step: link.step,
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
    <App controller={controller} embed={embed !== undefined} embedOptions={embed} />
  </StrictMode>,
);
