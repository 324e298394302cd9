import type { ApolloClient } from '@apollo/client';
import { FeedbackFormDocument } from './graphql/feedback-form.graphql';

/**
 * The feedback link's loader: asks for the form while the page's chunk loads; the page renders it
 * from the cache. A failure is left to the page, which asks again and shows it.
 */
export async function loadFeedbackForm(client: ApolloClient, token: string): Promise<null> {
  await client
    .query({ query: FeedbackFormDocument, variables: { token }, fetchPolicy: 'network-only' })
    .catch(() => undefined);
  return null;
}
