// The entry index.html names, kept tiny: the browser paints the page's shell (the header and the
// graph's frame, written in index.html) before any of the app is fetched, and the app (start.tsx:
// React, the model, the store, the styles) is asked for once that paint is on screen. A hidden
// page (a background tab) paints nothing, so it starts at once; a throttled frame (an iframe out of
// view) waits no longer than START_AFTER_MS.
import { holdEarlyMessages } from './view/embed/earlyMessages';

const START_AFTER_MS = 100;

// a host page may post to the page as soon as its frame has loaded, before the app listens
holdEarlyMessages();

let started = false;
function start() {
  if (started) return;
  started = true;
  import('./start').catch((err: unknown) => {
    // the shell stays; say why nothing follows it
    const pane = document.querySelector('.boot-pane');
    if (!pane) throw err;
    const p = document.createElement('p');
    p.setAttribute('role', 'alert');
    p.textContent = 'The app could not be loaded (the network?): reload the page to try again.';
    pane.append(p);
    throw err;
  });
}

if (document.visibilityState === 'hidden') start();
else {
  // the frame after this one is painted once the callback of the next animation frame returns
  requestAnimationFrame(() => setTimeout(start, 0));
  setTimeout(start, START_AFTER_MS);
}
