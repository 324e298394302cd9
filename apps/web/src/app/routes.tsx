import type { RouteObject } from 'react-router';
import { AuditPage } from '~/features/audits/pages/AuditPage';
import { AuditsPage } from '~/features/audits/pages/AuditsPage';
import { NewAuditPage } from '~/features/audits/pages/NewAuditPage';
import { PublicAuditPage } from '~/features/audits/pages/PublicAuditPage';
import { RunAuditPage } from '~/features/audits/pages/RunAuditPage';
import { AcceptInvitationPage } from '~/features/auth/pages/AcceptInvitationPage';
import { SignInPage } from '~/features/auth/pages/SignInPage';
import { SignUpPage } from '~/features/auth/pages/SignUpPage';
import { MyCheckInsPage } from '~/features/check-ins/pages/MyCheckInsPage';
import { CustomerPage } from '~/features/customers/pages/CustomerPage';
import { CustomersPage } from '~/features/customers/pages/CustomersPage';
import { EditCustomerPage } from '~/features/customers/pages/EditCustomerPage';
import { NewCustomerPage } from '~/features/customers/pages/NewCustomerPage';
import { DashboardPage } from '~/features/dashboard/pages/DashboardPage';
import { FeedbackPage } from '~/features/feedback/pages/FeedbackPage';
import { PublicFeedbackPage } from '~/features/feedback-form/pages/PublicFeedbackPage';
import { FrictionBoardPage } from '~/features/friction/pages/FrictionBoardPage';
import { SettingsPage } from '~/features/settings/pages/SettingsPage';
import { TouchpointsPage } from '~/features/touchpoints/pages/TouchpointsPage';
import { AppLayout } from './AppLayout';
import { NotFoundPage } from './NotFoundPage';
import { RouteError } from './RouteError';
import { RedirectIfSignedIn, RequireAuth } from './session';

export const routes: RouteObject[] = [
  {
    errorElement: <RouteError />,
    children: [
      {
        path: '/sign-in',
        element: (
          <RedirectIfSignedIn>
            <SignInPage />
          </RedirectIfSignedIn>
        ),
      },
      {
        path: '/sign-up',
        element: (
          <RedirectIfSignedIn>
            <SignUpPage />
          </RedirectIfSignedIn>
        ),
      },
      { path: '/invite/:token', element: <AcceptInvitationPage /> },
      { path: '/a/:token', element: <PublicAuditPage /> },
      { path: '/f/:token', element: <PublicFeedbackPage /> },
      {
        path: '/',
        element: (
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        ),
        children: [
          { index: true, element: <DashboardPage /> },
          { path: 'customers', element: <CustomersPage /> },
          { path: 'customers/new', element: <NewCustomerPage /> },
          { path: 'customers/:id', element: <CustomerPage /> },
          { path: 'customers/:id/edit', element: <EditCustomerPage /> },
          { path: 'check-ins', element: <MyCheckInsPage /> },
          { path: 'touchpoints', element: <TouchpointsPage /> },
          { path: 'audits', element: <AuditsPage /> },
          { path: 'audits/new', element: <NewAuditPage /> },
          { path: 'audits/:id', element: <AuditPage /> },
          { path: 'audits/:id/run', element: <RunAuditPage /> },
          { path: 'friction', element: <FrictionBoardPage /> },
          { path: 'feedback', element: <FeedbackPage /> },
          { path: 'settings', element: <SettingsPage /> },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
