import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, type RouteObject, RouterProvider } from 'react-router';
import { createCache } from '~/app/apollo-client';
import { type SessionMember, SessionProvider } from '~/app/session';

export const ownerMember: SessionMember & { __typename: 'Member' } = {
  __typename: 'Member',
  id: '7b0e0f54-3c2a-4b1e-9d43-0a9e4f1f0001',
  name: 'Ada Lovelace',
  email: 'ada@example.com',
  role: 'OWNER',
  workspace: { __typename: 'Workspace', id: 'ws-1', name: 'Lovelace Bakery', defaultCadenceDays: 30 },
} as SessionMember & { __typename: 'Member' };

export const staffMember = {
  ...ownerMember,
  id: '7b0e0f54-3c2a-4b1e-9d43-0a9e4f1f0002',
  role: 'STAFF' as const,
};

export interface RenderRouteOptions {
  /** Route pattern the element is mounted at. */
  path?: string;
  /** The URL the test starts at. */
  url?: string;
  mocks?: ReadonlyArray<MockLink.MockedResponse>;
  /** Signed-in member; null renders without a session. */
  member?: SessionMember | null;
  /** More routes, e.g. the destination of a redirect. */
  routes?: RouteObject[];
}

/** Renders one page in a memory router with mocked GraphQL, optionally as a signed-in member. */
export function renderRoute(element: ReactElement, options: RenderRouteOptions = {}) {
  const { path = '/', url = path, mocks = [], member = ownerMember, routes = [] } = options;
  const router = createMemoryRouter(
    [
      { path, element: member ? <SessionProvider member={member}>{element}</SessionProvider> : element },
      ...routes,
      { path: '*', element: <p>Elsewhere</p> },
    ],
    { initialEntries: [url] },
  );
  const utils = render(
    <MockedProvider mocks={mocks} cache={createCache()} mockLinkDefaultOptions={{ delay: 0 }}>
      <RouterProvider router={router} />
    </MockedProvider>,
  );
  return { ...utils, router };
}

/** A GraphQL error as the API sends it. */
export function graphqlError(code: string, message: string, fields?: Record<string, string>) {
  return { message, extensions: fields ? { code, fields } : { code } };
}
