import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { bootstrap } from './app/bootstrap';
import './app/global.css';

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');

void bootstrap().then((started) => {
  createRoot(container).render(
    <StrictMode>
      <App started={started} />
    </StrictMode>,
  );
});
