import type { ApolloClient } from '@apollo/client';
import { MeDocument } from '~/features/auth/graphql/auth.graphql';
import { DashboardDocument } from './graphql/dashboard.graphql';
import { dashboardVariables, loadDashboard } from './load-dashboard';

/**
 * A client whose session answers at once (as `role`, or signed out) and whose dashboard query answers
 * only when told to; `cached` says whether the dashboard is in its cache.
 */
function stubClient({ cached = false, role = 'OWNER' as string | null } = {}) {
  let answerDashboard = () => {};
  const client = {
    readQuery: jest.fn(() => (cached ? { healthSummary: {} } : null)),
    query: jest.fn(({ query }: { query: unknown }) =>
      query === MeDocument
        ? Promise.resolve({ data: { me: role ? { role } : null } })
        : new Promise((resolve) => {
            answerDashboard = () => resolve({ data: {} });
          }),
    ),
  };
  return {
    client: client as unknown as ApolloClient,
    client$: client,
    answerDashboard: () => answerDashboard(),
  };
}

const settled = async (promise: Promise<unknown>) => {
  let done = false;
  void promise.then(() => {
    done = true;
  });
  await new Promise((resolve) => setTimeout(resolve, 20));
  return done;
};

const dashboardAsks = (query: jest.Mock) =>
  query.mock.calls.map(([options]) => options).filter((options) => options.query === DashboardDocument);

describe('loadDashboard', () => {
  it('asks the dashboard once and does not wait on the first visit: the page renders and fills in', async () => {
    const { client, client$ } = stubClient();
    expect(await settled(loadDashboard(client))).toBe(true);
    expect(dashboardAsks(client$.query)).toEqual([
      { query: DashboardDocument, variables: dashboardVariables(true), fetchPolicy: 'network-only' },
    ]);
  });

  it('leaves the contact mix out for staff (the API forbids it to them)', async () => {
    const { client, client$ } = stubClient({ role: 'STAFF' });
    await settled(loadDashboard(client));
    expect(dashboardAsks(client$.query).map((options) => options.variables)).toEqual([
      dashboardVariables(false),
    ]);
  });

  it('waits for the fresh answer on a later visit (the previous page stays meanwhile)', async () => {
    const { client, answerDashboard } = stubClient({ cached: true });
    const load = loadDashboard(client);
    expect(await settled(load)).toBe(false);
    answerDashboard();
    await expect(load).resolves.toBeNull();
  });

  it('asks nothing when nobody is signed in (the layout sends the visitor to sign in)', async () => {
    const { client, client$ } = stubClient({ role: null });
    await expect(loadDashboard(client)).resolves.toBeNull();
    expect(dashboardAsks(client$.query)).toEqual([]);
  });
});
