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
 * The dashboard route's loader: asks every card's query (with the cards' variables) while the page's
 * chunk loads, and waits for their first answers. The page then renders whole from the cache: no card
 * grows and pushes the others down as its data arrives. A failed query is left to its card, which asks
 * again and shows the error.
 */
export async function loadDashboard(client: ApolloClient): Promise<null> {
  const fetchPolicy = 'network-only';
  await Promise.allSettled([
    client.query({ query: DashboardSummaryDocument, fetchPolicy }),
    client.query({ query: HealthTrendDocument, variables: { days: DASHBOARD_DAYS }, fetchPolicy }),
    client.query({ query: OverdueCheckInsDocument, variables: { first: DASHBOARD_LIST_SIZE }, fetchPolicy }),
    client.query({ query: AtRiskCustomersDocument, variables: { first: DASHBOARD_LIST_SIZE }, fetchPolicy }),
    // OWNER only (staff get FORBIDDEN): the session query is already on its way (the layout's loader).
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
