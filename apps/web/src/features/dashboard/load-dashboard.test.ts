import type { ApolloClient } from '@apollo/client';
import { loadDashboard } from './load-dashboard';

/** A client whose queries answer only when told to; `cached` says whether the dashboard is in its cache. */
function stubClient(cached: boolean) {
  const answers: Array<() => void> = [];
  const client = {
    readQuery: jest.fn(() => (cached ? { healthSummary: {} } : null)),
    query: jest.fn(
      () =>
        new Promise((resolve) => {
          answers.push(() => resolve({ data: { me: { role: 'STAFF' } } }));
        }),
    ),
  };
  return {
    client: client as unknown as ApolloClient,
    query: client.query,
    answerAll: () => {
      for (const answer of answers) answer();
    },
  };
}

const settled = async (promise: Promise<unknown>) => {
  let done = false;
  void promise.then(() => {
    done = true;
  });
  await new Promise((resolve) => setTimeout(resolve, 0));
  return done;
};

describe('loadDashboard', () => {
  it('asks every query and does not wait on the first visit: the page renders and fills in', async () => {
    const { client, query } = stubClient(false);
    expect(await settled(loadDashboard(client))).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(query).toHaveBeenCalledTimes(5);
  });

  it('waits for the fresh answers on a later visit (the previous page stays meanwhile)', async () => {
    const { client, answerAll } = stubClient(true);
    const load = loadDashboard(client);
    expect(await settled(load)).toBe(false);
    answerAll();
    await expect(load).resolves.toBeNull();
  });
});
