import { lazy, Suspense } from 'react';
import { Navigate, type RouteObject } from 'react-router';
import { screenLoading } from '../../app/lazy-screen';

// Setup is used rarely: its frame and its screens load when opened, not with the app.
const SetupLayout = lazy(() => import('./setup-layout').then((m) => ({ default: m.SetupLayout })));
const BillingSetupPage = lazy(() => import('./billing-setup-page').then((m) => ({ default: m.BillingSetupPage })));
const ClientsSetupPage = lazy(() => import('./clients-setup-page').then((m) => ({ default: m.ClientsSetupPage })));
const FamiliesSetupPage = lazy(() => import('./families-setup-page').then((m) => ({ default: m.FamiliesSetupPage })));
const InstructorsSetupPage = lazy(() => import('./instructors-setup-page').then((m) => ({ default: m.InstructorsSetupPage })));
const LocationsSetupPage = lazy(() => import('./locations-setup-page').then((m) => ({ default: m.LocationsSetupPage })));
const ServicesSetupPage = lazy(() => import('./services-setup-page').then((m) => ({ default: m.ServicesSetupPage })));
const SessionsSetupPage = lazy(() => import('./sessions-setup-page').then((m) => ({ default: m.SessionsSetupPage })));

export const setupRoute: RouteObject = {
  path: 'setup',
  element: (
    <Suspense fallback={screenLoading}>
      <SetupLayout />
    </Suspense>
  ),
  children: [
    { index: true, element: <Navigate to="locations" replace /> },
    { path: 'locations', element: <LocationsSetupPage /> },
    { path: 'instructors', element: <InstructorsSetupPage /> },
    { path: 'services', element: <ServicesSetupPage /> },
    { path: 'sessions', element: <SessionsSetupPage /> },
    { path: 'families', element: <FamiliesSetupPage /> },
    { path: 'clients', element: <ClientsSetupPage /> },
    { path: 'billing', element: <BillingSetupPage /> },
  ],
};
