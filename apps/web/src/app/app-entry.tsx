import { ApolloProvider } from '@apollo/client/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { MeDocument } from '~/features/auth/graphql/auth.graphql';
import { createApolloClient } from './apollo-client';
import { createRoutes } from './routes';

/** The signed-in app (and its public pages but the feedback form): Apollo Client and the router. */
export function renderApp(root: HTMLElement) {
  const client = createApolloClient({
    // The session is gone: forget the member, and the auth gate sends the user to sign in (and back).
    onUnauthenticated: (apollo) => apollo.cache.writeQuery({ query: MeDocument, data: { me: null } }),
  });
  const router = createBrowserRouter(createRoutes(client));
  createRoot(root).render(
    <StrictMode>
      <ApolloProvider client={client}>
        <RouterProvider router={router} />
      </ApolloProvider>
    </StrictMode>,
  );
}
