import type { ApolloClient } from '@apollo/client';
import { useApolloClient } from '@apollo/client/react';
import { useEffect, useReducer, useState } from 'react';
import { useLoaderData } from 'react-router';
import type { DashboardQuery } from '~/gql/graphql';
import { DASHBOARD_DAYS, DASHBOARD_LIST_SIZE } from './components/dashboard-format';
import { DashboardDocument } from './graphql/dashboard.graphql';

/** The dashboard query's variables: the contact mix is OWNER only (staff get FORBIDDEN). */
export function dashboardVariables(isOwner: boolean) {
  return { first: DASHBOARD_LIST_SIZE, days: DASHBOARD_DAYS, withContactMix: isOwner };
}

export interface DashboardAnswer {
  data?: DashboardQuery;
  error?: unknown;
}

/** One asking of the dashboard query: its answer once it has come. */
export interface Asking {
  promise: Promise<DashboardAnswer>;
  answer?: DashboardAnswer;
}

/**
 * Asks the dashboard query without Apollo's normalized cache (`no-cache`). Nothing else reads these
 * answers, and on a first load, writing some 250 objects into the cache and reading them back was
 * about half of Apollo's main-thread time on the dashboard. Never rejects: a failure is an answer.
 */
export function askDashboard(client: ApolloClient, isOwner: boolean): Asking {
  const asking: Asking = {
    promise: client
      .query({ query: DashboardDocument, variables: dashboardVariables(isOwner), fetchPolicy: 'no-cache' })
      .then(
        ({ data, error }) => ({ data, error }),
        (error: unknown) => ({ error }),
      ),
  };
  void asking.promise.then((answer) => {
    asking.answer = answer;
  });
  return asking;
}

/**
 * The dashboard's answer for the page: the one its route's loader asked for (a new one each time the
 * route loads; on a later visit the loader waited for it), else the page's own (rendered without the
 * loader). `retry` asks again. Who is an owner does not change while the page is open (it comes with
 * the session).
 */
export function useDashboard(isOwner: boolean) {
  const client = useApolloClient();
  const asked = useLoaderData() as Asking | null | undefined;
  // The page's own asking replaces the loader's it was made for, until the route loads again.
  const [own, setOwn] = useState<{ instead: Asking | null | undefined; asking: Asking }>();
  const asking = own && own.instead === asked ? own.asking : asked;
  const [, answered] = useReducer((n: number) => n + 1, 0);
  const askAgain = () => setOwn({ instead: asked, asking: askDashboard(client, isOwner) });
  const answer = asking?.answer;
  // biome-ignore lint/correctness/useExhaustiveDependencies: askAgain is the same function of these
  useEffect(() => {
    if (!asking) {
      askAgain();
      return;
    }
    // Answered between this render and this effect (a fast server): render again, or the page would
    // stay loading with nothing left to wake it.
    if (asking.answer) {
      if (asking.answer !== answer) answered();
      return;
    }
    let shown = true;
    void asking.promise.then(() => {
      if (shown) answered();
    });
    return () => {
      shown = false;
    };
  }, [asking, asked, client, isOwner]);
  return { data: answer?.data, error: answer?.error, loading: !answer, retry: askAgain };
}
