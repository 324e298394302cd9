import type { ApolloClient } from '@apollo/client';
import { LoadingState } from '@rapport/ui';
import type { ComponentType } from 'react';
import { Outlet, type RouteObject } from 'react-router';
import { MeDocument } from '~/features/auth/graphql/auth.graphql';
import { loadDashboard } from '~/features/dashboard/load-dashboard';
import { AppLayout } from './AppLayout';
import { NotFoundPage } from './NotFoundPage';
import { RouteError } from './RouteError';
import { RedirectIfSignedIn, RequireAuth } from './session';
import { yieldToMain } from './yield-to-main';

/**
 * A page in its own chunk, fetched the first time its route matches: the initial JavaScript holds only
 * the shell (router, Apollo, the signed-in layout), and recharts comes with the pages that draw charts.
 * The router keeps the current page on screen until the next one has loaded.
 */
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K): RouteObject['lazy'] {
  return async () => ({ Component: (await load())[name] });
}

/**
 * The routes. A route's `loader` starts its page's queries while the page's chunk loads (both start
 * when the route matches) instead of after it has rendered.
 */
export function createRoutes(client: ApolloClient): RouteObject[] {
  return [
    {
      errorElement: <RouteError />,
      // Shown while the first page's chunk loads; the same full-page state as the session check after it.
      hydrateFallbackElement: (
        <div className="app-fullpage">
          <LoadingState />
        </div>
      ),
      children: [
        {
          element: (
            <RedirectIfSignedIn>
              <Outlet />
            </RedirectIfSignedIn>
          ),
          children: [
            { path: '/sign-in', lazy: page(() => import('~/features/auth/pages/SignInPage'), 'SignInPage') },
            { path: '/sign-up', lazy: page(() => import('~/features/auth/pages/SignUpPage'), 'SignUpPage') },
          ],
        },
        {
          path: '/invite/:token',
          lazy: page(() => import('~/features/auth/pages/AcceptInvitationPage'), 'AcceptInvitationPage'),
        },
        {
          path: '/a/:token',
          lazy: page(() => import('~/features/audits/pages/PublicAuditPage'), 'PublicAuditPage'),
        },
        {
          // Opened from outside, /f/<token> is the feedback form's own entry (main.tsx), not this route.
          path: '/f/:token',
          lazy: page(
            () => import('~/features/feedback-form/pages/PublicFeedbackRoute'),
            'PublicFeedbackRoute',
          ),
        },
        {
          path: '/',
          // RequireAuth renders from the cache once the session has answered (or asks again on a failure).
          loader: () => afterYield(() => client.query({ query: MeDocument }).then(noData, noData)),
          element: (
            <RequireAuth>
              <AppLayout />
            </RequireAuth>
          ),
          children: [
            {
              index: true,
              loader: () => loadDashboard(client),
              lazy: page(() => import('~/features/dashboard/pages/DashboardPage'), 'DashboardPage'),
            },
            {
              path: 'customers',
              lazy: page(() => import('~/features/customers/pages/CustomersPage'), 'CustomersPage'),
            },
            {
              path: 'customers/new',
              lazy: page(() => import('~/features/customers/pages/NewCustomerPage'), 'NewCustomerPage'),
            },
            {
              path: 'customers/:id',
              lazy: page(() => import('~/features/customers/pages/CustomerPage'), 'CustomerPage'),
            },
            {
              path: 'customers/:id/edit',
              lazy: page(() => import('~/features/customers/pages/EditCustomerPage'), 'EditCustomerPage'),
            },
            {
              path: 'check-ins',
              lazy: page(() => import('~/features/check-ins/pages/MyCheckInsPage'), 'MyCheckInsPage'),
            },
            {
              path: 'touchpoints',
              lazy: page(() => import('~/features/touchpoints/pages/TouchpointsPage'), 'TouchpointsPage'),
            },
            { path: 'audits', lazy: page(() => import('~/features/audits/pages/AuditsPage'), 'AuditsPage') },
            {
              path: 'audits/new',
              lazy: page(() => import('~/features/audits/pages/NewAuditPage'), 'NewAuditPage'),
            },
            {
              path: 'audits/:id',
              lazy: page(() => import('~/features/audits/pages/AuditPage'), 'AuditPage'),
            },
            {
              path: 'audits/:id/run',
              lazy: page(() => import('~/features/audits/pages/RunAuditPage'), 'RunAuditPage'),
            },
            {
              path: 'friction',
              lazy: page(() => import('~/features/friction/pages/FrictionBoardPage'), 'FrictionBoardPage'),
            },
            {
              path: 'feedback',
              lazy: page(() => import('~/features/feedback/pages/FeedbackPage'), 'FeedbackPage'),
            },
            {
              path: 'settings',
              lazy: page(() => import('~/features/settings/pages/SettingsPage'), 'SettingsPage'),
            },
          ],
        },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ];
}

const noData = () => null;

/**
 * Runs a loader's work in a task of its own: the router runs the loaders of the matched routes in the
 * task that starts it, and each first query is slow (Apollo Client's code runs for the first time).
 */
async function afterYield<T>(work: () => Promise<T>): Promise<T> {
  await yieldToMain();
  return work();
}
