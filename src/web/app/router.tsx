import { lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { RequireSession } from '../features/auth/components/require-session';
import { ClientProfilePage } from '../pages/clients/client-profile-page';
import { ClientsPage } from '../pages/clients/clients-page';
import { LoginPage } from '../pages/login/login-page';
import { NotFoundPage } from '../pages/not-found/not-found-page';
import { SessionPage } from '../pages/sessions/session-page';
import { setupRoute } from '../pages/setup/setup-routes';
import { AppLayout } from './app-layout';

// The calendar is the heaviest part of the app; the sign-in page and the other screens load without it.
const SchedulePage = lazy(() => import('../pages/schedule/schedule-page').then((m) => ({ default: m.SchedulePage })));

const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    element: (
      <RequireSession>
        <AppLayout />
      </RequireSession>
    ),
    children: [
      { index: true, element: <SchedulePage /> },
      { path: 'sessions/:sessionId', element: <SessionPage /> },
      { path: 'clients', element: <ClientsPage /> },
      { path: 'clients/:clientId', element: <ClientProfilePage /> },
      setupRoute,
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
