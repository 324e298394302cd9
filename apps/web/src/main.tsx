import '@rapport/ui/styles.css';
import './app/app.css';
import { ApolloProvider } from '@apollo/client/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { createApolloClient } from './app/apollo-client';
import { createRoutes } from './app/routes';
import { MeDocument } from './features/auth/graphql/auth.graphql';

const client = createApolloClient({
  // The session is gone: forget the member, and the auth gate sends the user to sign in (and back).
  onUnauthenticated: (apollo) => apollo.cache.writeQuery({ query: MeDocument, data: { me: null } }),
});
const router = createBrowserRouter(createRoutes(client));

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <ApolloProvider client={client}>
      <RouterProvider router={router} />
    </ApolloProvider>
  </StrictMode>,
);
