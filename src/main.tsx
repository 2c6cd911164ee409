import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { parseUrlState } from './embed/urlState';
import { useAppStore } from './store';
import { App } from './view/App';
import './view/app.css';

const url = parseUrlState(window.location.search);
useAppStore.setState({
  scenarioId: url.scenario ?? null,
  eraOverride: url.era ?? null,
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App initialStep={url.step} embed={url.embed ?? false} />
  </StrictMode>,
);
