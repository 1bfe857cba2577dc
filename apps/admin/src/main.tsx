import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles/app.scss';
import { App } from './app/App.js';

// GOV.UK Frontend styles some components differently when script runs (the template sets these
// classes from an inline script; this app is script anyway).
document.body.classList.add('js-enabled', 'govuk-frontend-supported');

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
