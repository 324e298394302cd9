// For the entries that run without Apollo Client (the session prefetch, the public feedback form).

/** One GraphQL request as Apollo's HttpLink sends it (JSON, which the API's CSRF prevention accepts). */
export function postGraphql(operationName: string, query: string, variables: object): Promise<Response> {
  return fetch('/graphql', {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json;q=0.9',
    },
    body: JSON.stringify({ operationName, query, variables }),
  });
}
