import { lazy, Suspense } from 'react';
import { BrowserRouter, useRoutes, type RouteObject } from 'react-router';
import { RequireSession } from '../features/auth/components/require-session';
import { PortalNotFound } from '../features/portal/components/portal-not-found';
import { RequirePortalSession } from '../features/portal/components/portal-session';
import { LoginPage } from '../pages/login/login-page';
import { NotFoundPage } from '../pages/not-found/not-found-page';
import { setupRoute } from '../pages/setup/setup-routes';
import { AppLayout } from './app-layout';
import { lazyScreen, screenLoading } from './lazy-screen';

// Each screen is its own chunk (the calendar is the heaviest), so the first load carries only
// the shell and the sign-in page. The schedule, the landing screen, is preloaded at start-up (main.tsx).
export const schedulePage = lazyScreen(() => import('../pages/schedule/schedule-page').then((m) => m.SchedulePage));
const SessionPage = lazy(() => import('../pages/sessions/session-page').then((m) => ({ default: m.SessionPage })));
const ClientsPage = lazy(() => import('../pages/clients/clients-page').then((m) => ({ default: m.ClientsPage })));
const ClientProfilePage = lazy(() =>
  import('../pages/clients/client-profile-page').then((m) => ({ default: m.ClientProfilePage })),
);

// The first-run welcome and the family portal's frame are not the front desk's: their code (the
// welcome's selects among it) stays out of the chunk every staff screen starts with.
const WelcomePage = lazy(() => import('../pages/welcome/welcome-page').then((m) => ({ default: m.WelcomePage })));
const PortalLayout = lazy(() => import('../features/portal/components/portal-layout').then((m) => ({ default: m.PortalLayout })));
const NewFamilyPage = lazy(() => import('../pages/families/new-family-page').then((m) => ({ default: m.NewFamilyPage })));
const FamilyPage = lazy(() => import('../pages/families/family-page').then((m) => ({ default: m.FamilyPage })));
const ForgotPasswordPage = lazy(() => import('../pages/login/password-reset-pages').then((m) => ({ default: m.ForgotPasswordPage })));
const ResetPasswordPage = lazy(() => import('../pages/login/password-reset-pages').then((m) => ({ default: m.ResetPasswordPage })));
const OutboxPage = lazy(() => import('../pages/messages/outbox-page').then((m) => ({ default: m.OutboxPage })));
const UnsubscribePage = lazy(() => import('../pages/unsubscribe/unsubscribe-page').then((m) => ({ default: m.UnsubscribePage })));
const CalendarFeedPage = lazy(() => import('../pages/portal/calendar-feed-page').then((m) => ({ default: m.CalendarFeedPage })));
const MyCalendarPage = lazy(() => import('../pages/my-calendar/my-calendar-page').then((m) => ({ default: m.MyCalendarPage })));
const RequestsPage = lazy(() => import('../pages/requests/requests-page').then((m) => ({ default: m.RequestsPage })));
const MoveEnrollmentPage = lazy(() => import('../pages/portal/move-enrollment-page').then((m) => ({ default: m.MoveEnrollmentPage })));
const MyRequestsPage = lazy(() => import('../pages/portal/my-requests-page').then((m) => ({ default: m.MyRequestsPage })));
const PortalWelcomePage = lazy(() => import('../pages/portal/portal-welcome-page').then((m) => ({ default: m.PortalWelcomePage })));
const PortalHomePage = lazy(() => import('../pages/portal/portal-home-page').then((m) => ({ default: m.PortalHomePage })));
const PortalInvoicesPage = lazy(() => import('../pages/portal/portal-invoices-page').then((m) => ({ default: m.PortalInvoicesPage })));
const PortalAccountPage = lazy(() => import('../pages/portal/portal-account-page').then((m) => ({ default: m.PortalAccountPage })));
const InvoicePrintPage = lazy(() => import('../pages/invoices/invoice-print-page').then((m) => ({ default: m.InvoicePrintPage })));

// Declarative routing (BrowserRouter + useRoutes), not a data router: the app loads its data with
// TanStack Query, and react-router's data-router code (loaders, actions, fetchers) was more than half (53 of 90 KB) of
// what the library added to the first download.
const routes: RouteObject[] = [
  { path: '/login', element: <LoginPage /> },
  { path: '/welcome', element: <Suspense fallback={screenLoading}><WelcomePage /></Suspense> },
  { path: '/forgot-password', element: <Suspense fallback={screenLoading}><ForgotPasswordPage /></Suspense> },
  { path: '/reset-password', element: <Suspense fallback={screenLoading}><ResetPasswordPage /></Suspense> },
  // An email's unsubscribe line: no login, the link itself is the proof.
  {
    path: '/unsubscribe/:messageId',
    element: (
      <Suspense fallback={screenLoading}>
        <UnsubscribePage />
      </Suspense>
    ),
  },
  // The family portal (DESIGN.md "The family portal"): guardians' own frame and screens, phone first.
  { path: '/portal/welcome', element: <Suspense fallback={screenLoading}><PortalWelcomePage /></Suspense> },
  {
    path: '/portal',
    element: (
      <RequirePortalSession>
        <Suspense fallback={screenLoading}>
          <PortalLayout />
        </Suspense>
      </RequirePortalSession>
    ),
    children: [
      { index: true, element: <PortalHomePage /> },
      { path: 'invoices', element: <PortalInvoicesPage /> },
      { path: 'account', element: <PortalAccountPage /> },
      { path: 'calendar', element: <CalendarFeedPage /> },
      { path: 'requests', element: <MyRequestsPage /> },
      { path: 'enrollments/:subscriptionId/move', element: <MoveEnrollmentPage /> },
      { path: '*', element: <PortalNotFound /> },
    ],
  },
  // Paper, not a screen: no navigation around it.
  {
    path: '/invoices/:invoiceId/print',
    element: (
      <RequireSession>
        <Suspense fallback={screenLoading}>
          <InvoicePrintPage />
        </Suspense>
      </RequireSession>
    ),
  },
  {
    element: (
      <RequireSession>
        <AppLayout />
      </RequireSession>
    ),
    children: [
      { index: true, element: <schedulePage.Screen /> },
      { path: 'sessions/:sessionId', element: <SessionPage /> },
      { path: 'clients', element: <ClientsPage /> },
      { path: 'clients/:clientId', element: <ClientProfilePage /> },
      { path: 'families/new', element: <NewFamilyPage /> },
      { path: 'families/:familyId', element: <FamilyPage /> },
      { path: 'emails', element: <OutboxPage /> },
      { path: 'my-calendar', element: <MyCalendarPage /> },
      { path: 'requests', element: <RequestsPage /> },
      setupRoute,
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

function Screens() {
  return useRoutes(routes);
}

export function AppRouter() {
  return (
    <BrowserRouter>
      <Screens />
    </BrowserRouter>
  );
}
