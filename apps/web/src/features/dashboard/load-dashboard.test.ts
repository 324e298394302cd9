import type { ApolloClient } from '@apollo/client';
import { MeDocument } from '~/features/auth/graphql/auth.graphql';
import { dashboardVariables } from './dashboard-answer';
import { DashboardDocument } from './graphql/dashboard.graphql';
import { loadDashboard } from './load-dashboard';

/**
 * A client whose session answers at once (as `role`, or signed out) and whose dashboard queries answer
 * only when told to.
 */
function stubClient(role: string | null = 'OWNER') {
  const waiting: Array<() => void> = [];
  const query = jest.fn(({ query }: { query: unknown; variables?: unknown }) =>
    query === MeDocument
      ? Promise.resolve({ data: { me: role ? { role } : null } })
      : new Promise((resolve) => {
          waiting.push(() => resolve({ data: { healthSummary: {} } }));
        }),
  );
  return {
    client: { query } as unknown as ApolloClient,
    dashboardAsks: () =>
      query.mock.calls.map(([options]) => options).filter((options) => options.query === DashboardDocument),
    answerDashboard: () => {
      for (const answer of waiting.splice(0)) answer();
    },
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

describe('loadDashboard', () => {
  it('asks the dashboard once, past the cache, and does not wait on the first visit', async () => {
    const { client, dashboardAsks, answerDashboard } = stubClient();
    const load = loadDashboard(client);
    expect(await settled(load)).toBe(true);
    expect(dashboardAsks()).toEqual([
      { query: DashboardDocument, variables: dashboardVariables(true), fetchPolicy: 'no-cache' },
    ]);
    // The page gets the asking, and its answer once it comes.
    const asking = await load;
    answerDashboard();
    await expect(asking?.promise).resolves.toEqual({ data: { healthSummary: {} }, error: undefined });
    expect(asking?.answer).toEqual({ data: { healthSummary: {} }, error: undefined });
  });

  it('leaves the contact mix out for staff (the API forbids it to them)', async () => {
    const { client, dashboardAsks } = stubClient('STAFF');
    await settled(loadDashboard(client));
    expect(dashboardAsks().map((options) => options.variables)).toEqual([dashboardVariables(false)]);
  });

  it('waits for the fresh answer on a later visit (the previous page stays meanwhile)', async () => {
    const { client, answerDashboard } = stubClient();
    await loadDashboard(client);
    const later = loadDashboard(client);
    expect(await settled(later)).toBe(false);
    answerDashboard();
    expect((await later)?.answer?.data).toEqual({ healthSummary: {} });
  });

  it('asks nothing when nobody is signed in (the layout sends the visitor to sign in)', async () => {
    const { client, dashboardAsks } = stubClient(null);
    await expect(loadDashboard(client)).resolves.toBeNull();
    expect(dashboardAsks()).toEqual([]);
  });
});
