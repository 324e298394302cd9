import type { ApolloClient } from '@apollo/client';
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
 * The dashboard route's loader. On a later visit (the cache holds the dashboard) it asks every card's
 * query (with the cards' variables) while the page's chunk loads and waits for the fresh answers: the
 * previous page stays until the dashboard can show them (never old numbers that then change). On the
 * first visit (nothing in the cache to show) it leaves the asking to the page and does not wait: the
 * greeting renders at once, before the work of starting five queries, and the sections fill in as
 * their answers arrive (DashboardPage), instead of after the slowest query. A failed query is left to
 * its card, which shows the error and asks again.
 */
export async function loadDashboard(client: ApolloClient): Promise<null> {
  if (client.readQuery({ query: DashboardSummaryDocument }) === null) return null;
  const fetchPolicy = 'network-only';
  await Promise.allSettled([
    client.query({ query: DashboardSummaryDocument, fetchPolicy }),
    client.query({ query: OverdueCheckInsDocument, variables: { first: DASHBOARD_LIST_SIZE }, fetchPolicy }),
    client.query({ query: HealthTrendDocument, variables: { days: DASHBOARD_DAYS }, fetchPolicy }),
    client.query({ query: AtRiskCustomersDocument, variables: { first: DASHBOARD_LIST_SIZE }, fetchPolicy }),
    // OWNER only (staff get FORBIDDEN): the session is known (the layout's loader asked for it).
    client
      .query({ query: MeDocument })
      .then(({ data }) =>
        data?.me?.role === 'OWNER'
          ? client.query({ query: ContactMixDocument, variables: { days: DASHBOARD_DAYS }, fetchPolicy })
          : null,
      ),
  ]);
  return null;
}
