import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import './app/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppProviders } from './app/app-providers';
import { preloadLanding } from './app/preload';
import { queryClient } from './app/query-client';
import { AppRouter, schedulePage } from './app/router';

preloadLanding({ queryClient, location: window.location, loadSchedulePage: schedulePage.preload });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppProviders>
      <AppRouter />
    </AppProviders>
  </StrictMode>,
);
