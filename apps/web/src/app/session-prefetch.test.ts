import { InMemoryCache } from '@apollo/client';
import { print } from 'graphql';
import { parse } from 'graphql/language/parser';
import { MeDocument } from '~/features/auth/graphql/auth.graphql';
import { ownerMember } from '~/test/render';
import { createApolloClient } from './apollo-client';
import { ME_QUERY, prefetchSession } from './session-prefetch';

const meAnswer = { data: { me: ownerMember } };
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/graphql-response+json' },
  });

describe('the session asked for early (main.tsx) and handed to Apollo Client', () => {
  afterEach(() => jest.restoreAllMocks());

  it('asks exactly what Apollo Client would send for MeDocument', () => {
    expect(print(parse(ME_QUERY))).toBe(print(new InMemoryCache().transformDocument(MeDocument)));
  });

  it('resolves to the answer, or to null when there is no GraphQL answer', async () => {
    const fetch = jest.spyOn(globalThis, 'fetch').mockResolvedValueOnce(json(meAnswer));
    await expect(prefetchSession()).resolves.toEqual(meAnswer);
    expect(JSON.parse(String(fetch.mock.calls[0]?.[1]?.body))).toMatchObject({
      operationName: 'Me',
      query: ME_QUERY,
    });

    fetch.mockResolvedValueOnce(new Response('Bad gateway', { status: 502 }));
    await expect(prefetchSession()).resolves.toBeNull();
    fetch.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    await expect(prefetchSession()).resolves.toBeNull();
  });

  it('answers the first Me query from it (into the cache, normalized), later ones from the network', async () => {
    const fetch = jest.spyOn(globalThis, 'fetch').mockResolvedValue(json({ data: { me: null } }));
    const client = createApolloClient({
      uri: 'http://localhost/graphql',
      prefetched: { Me: Promise.resolve(meAnswer) },
    });
    const first = await client.query({ query: MeDocument });
    expect(first.data?.me?.name).toBe('Ada Lovelace');
    expect(fetch).not.toHaveBeenCalled();
    expect(client.extract() as Record<string, unknown>).toHaveProperty(
      [`Member:${ownerMember.id}`, 'name'],
      'Ada Lovelace',
    );

    const again = await client.query({ query: MeDocument, fetchPolicy: 'network-only' });
    expect(again.data?.me).toBeNull();
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('sends the query to the network when the early request failed', async () => {
    const fetch = jest.spyOn(globalThis, 'fetch').mockResolvedValue(json(meAnswer));
    const client = createApolloClient({
      uri: 'http://localhost/graphql',
      prefetched: { Me: Promise.resolve(null) },
    });
    const result = await client.query({ query: MeDocument });
    expect(result.data?.me?.name).toBe('Ada Lovelace');
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});
