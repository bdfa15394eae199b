import './app/mantine-styles';
import './app/app.css';
import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppProviders } from './app/app-providers';
import { preloadLanding } from './app/preload';
import { queryClient } from './app/query-client';
import { AppRouter, schedulePage } from './app/router';

preloadLanding({ queryClient, location: window.location, loadSchedulePage: schedulePage.preload });

// A transition: React draws the first screen in slices, yielding to the browser between them,
// instead of one long task a slow phone cannot answer a tap during.
startTransition(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <AppProviders>
        <AppRouter />
      </AppProviders>
    </StrictMode>,
  ),
);
