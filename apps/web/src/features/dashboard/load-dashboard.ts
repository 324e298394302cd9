import type { ApolloClient } from '@apollo/client';
import { yieldToMain } from '~/app/yield-to-main';
import { MeDocument } from '~/features/auth/graphql/auth.graphql';
import { DASHBOARD_DAYS, DASHBOARD_LIST_SIZE } from './components/dashboard-format';
import {
  AtRiskCustomersDocument,
  ContactMixDocument,
  DashboardSummaryDocument,
  HealthTrendDocument,
  OverdueCheckInsDocument,
} from './graphql/dashboard.graphql';

/**
 * The dashboard route's loader: asks every card's query (with the cards' variables) while the page's
 * chunk loads. On the first visit (nothing in the cache to show) it does not wait: the page renders at
 * once and shows its sections in order as their answers arrive (DashboardPage), instead of after the
 * slowest query. On a later visit it waits for the fresh answers, so the previous page stays until the
 * dashboard can show them (never old numbers that then change). A failed query is left to its card,
 * which shows the error and asks again.
 */
export async function loadDashboard(client: ApolloClient): Promise<null> {
  const firstVisit = client.readQuery({ query: DashboardSummaryDocument }) === null;
  const fetchPolicy = 'network-only';
  const asks = [
    () => client.query({ query: DashboardSummaryDocument, fetchPolicy }),
    () =>
      client.query({
        query: OverdueCheckInsDocument,
        variables: { first: DASHBOARD_LIST_SIZE },
        fetchPolicy,
      }),
    () => client.query({ query: HealthTrendDocument, variables: { days: DASHBOARD_DAYS }, fetchPolicy }),
    () =>
      client.query({
        query: AtRiskCustomersDocument,
        variables: { first: DASHBOARD_LIST_SIZE },
        fetchPolicy,
      }),
    // OWNER only (staff get FORBIDDEN): the session query is already on its way (the layout's loader).
    () =>
      client
        .query({ query: MeDocument })
        .then(({ data }) =>
          data?.me?.role === 'OWNER'
            ? client.query({ query: ContactMixDocument, variables: { days: DASHBOARD_DAYS }, fetchPolicy })
            : null,
        ),
  ];
  if (!firstVisit) {
    await Promise.allSettled(asks.map((ask) => ask()));
    return null;
  }
  // Starting a query is work too (Apollo prepares its document and reads the cache): one per task, in
  // page order, while the page's chunk loads, none in the router's task that runs this loader.
  void (async () => {
    for (const ask of asks) {
      await yieldToMain();
      ask().catch(() => undefined);
    }
  })();
  return null;
}
