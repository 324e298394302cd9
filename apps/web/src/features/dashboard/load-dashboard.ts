import type { ApolloClient } from '@apollo/client';
import { yieldToMain } from '~/app/yield-to-main';
import { MeDocument } from '~/features/auth/graphql/auth.graphql';
import { DASHBOARD_DAYS, DASHBOARD_LIST_SIZE } from './components/dashboard-format';
import { DashboardDocument } from './graphql/dashboard.graphql';

/** The dashboard query's variables: the page and its loader ask the same, so they share one answer. */
export function dashboardVariables(isOwner: boolean) {
  return { first: DASHBOARD_LIST_SIZE, days: DASHBOARD_DAYS, withContactMix: isOwner };
}

/**
 * The dashboard route's loader: asks the dashboard's query while the page's chunk loads. On the first
 * visit (nothing in the cache to show) it does not wait: the page renders at once, loading, and fills
 * in when the answer arrives. On a later visit it waits for the fresh answer, so the previous page
 * stays until the dashboard can show it (never old numbers that then change). A failure is left to the
 * page, which shows it and asks again.
 */
export async function loadDashboard(client: ApolloClient): Promise<null> {
  // Who is signed in (the layout's loader asks too; main.tsx asked first): the contact mix is OWNER only.
  const { data: session } = await client.query({ query: MeDocument }).catch(() => ({ data: undefined }));
  if (!session?.me) return null; // the layout sends the visitor to sign in
  const variables = dashboardVariables(session.me.role === 'OWNER');
  const firstVisit = client.readQuery({ query: DashboardDocument, variables }) === null;
  // Starting a query is work too (Apollo prepares its document): in a task of its own, not the router's.
  await yieldToMain();
  const answer = client
    .query({ query: DashboardDocument, variables, fetchPolicy: 'network-only' })
    .catch(() => undefined);
  if (!firstVisit) await answer;
  return null;
}
