import { Navigate, type RouteObject } from 'react-router';
import { ClientsSetupPage } from './clients-setup-page';
import { FamiliesSetupPage } from './families-setup-page';
import { InstructorsSetupPage } from './instructors-setup-page';
import { LocationsSetupPage } from './locations-setup-page';
import { ServicesSetupPage } from './services-setup-page';
import { SessionsSetupPage } from './sessions-setup-page';
import { SetupLayout } from './setup-layout';

export const setupRoute: RouteObject = {
  path: 'setup',
  element: <SetupLayout />,
  children: [
    { index: true, element: <Navigate to="locations" replace /> },
    { path: 'locations', element: <LocationsSetupPage /> },
    { path: 'instructors', element: <InstructorsSetupPage /> },
    { path: 'services', element: <ServicesSetupPage /> },
    { path: 'sessions', element: <SessionsSetupPage /> },
    { path: 'families', element: <FamiliesSetupPage /> },
    { path: 'clients', element: <ClientsSetupPage /> },
  ],
};
