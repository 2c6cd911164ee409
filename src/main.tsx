import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { openLink } from './embed/openLink';
import { App } from './view/App';
import './view/app.css';

// The link decides what opens; what it cannot open is told on the page (never a blank page).
const link = openLink(window.location.search);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App initialStep={link.step} embed={link.embed !== undefined} embedOptions={link.embed} />
  </StrictMode>,
);
