import { ApolloProvider } from '@apollo/client/react';
import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { MeDocument } from '~/features/auth/graphql/auth.graphql';
import { createApolloClient } from './apollo-client';
import { createRoutes } from './routes';
import type { PrefetchedResult } from './session-prefetch';
import { yieldToMain } from './yield-to-main';

/**
 * The signed-in app (and its public pages but the feedback form): Apollo Client and the router. Each
 * step is its own task (starting the router runs the first route's loaders, which start its queries).
 */
export async function renderApp(root: HTMLElement, session: Promise<PrefetchedResult | null>) {
  const client = createApolloClient({
    // The session is gone: forget the member, and the auth gate sends the user to sign in (and back).
    onUnauthenticated: (apollo) => apollo.cache.writeQuery({ query: MeDocument, data: { me: null } }),
    // main.tsx asked who is signed in while this code downloaded.
    prefetched: { Me: session },
  });
  const router = createBrowserRouter(createRoutes(client));
  await yieldToMain();
  // A transition: React renders the first page in slices, yielding to the browser between them,
  // instead of in one long task.
  const reactRoot = createRoot(root);
  startTransition(() =>
    reactRoot.render(
      <StrictMode>
        <ApolloProvider client={client}>
          <RouterProvider router={router} />
        </ApolloProvider>
      </StrictMode>,
    ),
  );
}
