/**
 * The page's entry: the language is chosen before the first render (from the local cache, no
 * network round trip), then the app mounts with the host's API.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { ApiProvider } from './api/ApiContext.tsx';
import { connectToHost } from './api/hostApi.ts';
import { App } from './app/App.tsx';
import { createI18n } from './i18n/i18n.ts';

const i18n = createI18n();
const api = connectToHost();
const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <ApiProvider api={api}>
        <App />
      </ApiProvider>
    </I18nextProvider>
  </StrictMode>,
);
