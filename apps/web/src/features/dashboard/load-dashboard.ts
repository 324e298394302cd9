import type { ApolloClient } from '@apollo/client';
import { yieldToMain } from '~/app/yield-to-main';
import { MeDocument } from '~/features/auth/graphql/auth.graphql';
import { type Asking, askDashboard } from './dashboard-answer';

/** The clients that have shown the dashboard: a visit after the first waits for its answer. */
const visited = new WeakSet<ApolloClient>();

/**
 * The dashboard route's loader: asks the dashboard's query while the page's chunk loads, and hands
 * the asking to the page (useDashboard). On the first visit it does not wait: the page renders at
 * once, loading, and fills in when the answer arrives. On a later visit it waits for the answer, so
 * the previous page stays until the dashboard can show it (never old numbers that then change). A
 * failure is left to the page, which shows it and asks again.
 */
export async function loadDashboard(client: ApolloClient): Promise<Asking | null> {
  // Who is signed in (the layout's loader asks too; main.tsx asked first): the contact mix is OWNER only.
  const { data: session } = await client.query({ query: MeDocument }).catch(() => ({ data: undefined }));
  if (!session?.me) return null; // the layout sends the visitor to sign in
  const firstVisit = !visited.has(client);
  visited.add(client);
  // Starting a query is work too (Apollo prepares its document): in a task of its own, not the router's.
  await yieldToMain();
  const asking = askDashboard(client, session.me.role === 'OWNER');
  if (!firstVisit) await asking.promise;
  return asking;
}
