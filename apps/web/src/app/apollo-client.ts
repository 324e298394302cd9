import { ApolloClient, ApolloLink, CombinedGraphQLErrors, HttpLink, InMemoryCache } from '@apollo/client';
import { ErrorLink } from '@apollo/client/link/error';
import { relayStylePagination } from '@apollo/client/utilities';
import { from, mergeMap, of } from 'rxjs';
import type { PrefetchedResult } from './session-prefetch';

/**
 * The cache, with paged lists (check-ins, a customer's timeline and history) merged page by page. The
 * customer list is not merged: it shows one page at a time, each cached by its own arguments.
 */
export function createCache() {
  return new InMemoryCache({
    typePolicies: {
      Query: {
        fields: {
          checkIns: relayStylePagination(['assigneeId', 'customerId', 'status', 'dueBefore', 'first']),
          history: relayStylePagination(['entity', 'first']),
        },
      },
      Customer: {
        fields: {
          timeline: relayStylePagination(['first']),
          history: relayStylePagination(['first']),
          interactions: relayStylePagination(['first']),
          // Refetched whole after each change: the newest answer replaces the old one.
          checkIns: { keyArgs: ['status', 'first'], merge: false },
          health: { merge: false },
        },
      },
    },
  });
}

export interface ApolloClientOptions {
  /** Called when the API says the session is gone (expired or signed out elsewhere). */
  onUnauthenticated?: (client: ApolloClient) => void;
  uri?: string;
  /**
   * Answers already asked for, by operation name (operations without variables): the first such
   * operation gets it instead of a request (the session, asked for by main.tsx). A null answer (the
   * request failed) sends the operation to the network as usual.
   */
  prefetched?: Record<string, Promise<PrefetchedResult | null>>;
}

/** Answers the first operation of each prefetched name from its answer. */
function prefetchedLink(prefetched: Record<string, Promise<PrefetchedResult | null>>) {
  const waiting = new Map(Object.entries(prefetched));
  return new ApolloLink((operation, forward) => {
    const name = operation.operationName ?? '';
    const answer = waiting.get(name);
    if (!answer || Object.keys(operation.variables).length > 0) return forward(operation);
    waiting.delete(name);
    return from(answer).pipe(
      mergeMap((result) => (result ? of(result as ApolloLink.Result) : forward(operation))),
    );
  });
}

export function createApolloClient({
  onUnauthenticated,
  uri = '/graphql',
  prefetched = {},
}: ApolloClientOptions = {}) {
  let client: ApolloClient | undefined;
  const errorLink = new ErrorLink(({ error }) => {
    if (
      client &&
      onUnauthenticated &&
      CombinedGraphQLErrors.is(error) &&
      error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')
    ) {
      onUnauthenticated(client);
    }
  });
  // Same origin: the session cookie travels with every request. Apollo's JSON POSTs satisfy the API's
  // CSRF prevention.
  const httpLink = new HttpLink({ uri, credentials: 'same-origin' });
  client = new ApolloClient({
    link: ApolloLink.from([errorLink, prefetchedLink(prefetched), httpLink]),
    cache: createCache(),
    defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
  });
  return client;
}
