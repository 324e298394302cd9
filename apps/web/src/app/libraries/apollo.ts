// See react.ts beside this file.
export { ApolloClient, InMemoryCache } from '@apollo/client';
