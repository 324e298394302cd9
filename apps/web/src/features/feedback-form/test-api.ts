import type { DocumentNode } from 'graphql';

/** A mocked answer to one request, written like Apollo's MockedProvider mocks (see PublicFeedbackPage). */
export interface ApiMock {
  request: { query: DocumentNode; variables?: Record<string, unknown> };
  /** The JSON the API answers; `'network'` makes fetch() reject as it does offline. */
  result: { data?: unknown; errors?: unknown[] } | 'network';
  /** HTTP status (200). */
  status?: number;
}

function operationName(document: DocumentNode): string {
  const definition = document.definitions[0];
  return definition && 'name' in definition ? (definition.name?.value ?? '') : '';
}

/**
 * Answers the page's fetch() calls to /graphql from the mocks, each mock once and in order of match
 * (operation name and variables). Returns the mock function, to count or inspect the requests.
 */
export function mockFeedbackApi(mocks: readonly ApiMock[]) {
  const unused = [...mocks];
  return jest.spyOn(globalThis, 'fetch').mockImplementation(async (_url, init) => {
    const body = JSON.parse(String(init?.body)) as { operationName: string; variables: unknown };
    const index = unused.findIndex(
      (mock) =>
        operationName(mock.request.query) === body.operationName &&
        JSON.stringify(mock.request.variables ?? {}) === JSON.stringify(body.variables),
    );
    const mock = unused.splice(index, 1)[0];
    if (index < 0 || !mock) throw new Error(`No mock for ${JSON.stringify(body)}`);
    if (mock.result === 'network') throw new TypeError('Failed to fetch');
    return new Response(JSON.stringify(mock.result), {
      status: mock.status ?? 200,
      headers: { 'content-type': 'application/graphql-response+json' },
    });
  });
}
