// Runs in index.html's entry (main.tsx), before Apollo Client has downloaded: no Apollo here.
import { postGraphql } from './post-graphql';

/**
 * The session query exactly as Apollo Client sends MeDocument (its cache adds `__typename` to every
 * selection; session-prefetch.test.ts keeps the two equal), so the answer can go into its cache.
 */
export const ME_QUERY = `query Me {
  me {
    ...MemberFields
    __typename
  }
}

fragment MemberFields on Member {
  id
  name
  email
  role
  workspace {
    id
    name
    defaultCadenceDays
    __typename
  }
  __typename
}`;

/** A GraphQL answer as the API sends it. */
export interface PrefetchedResult {
  data?: Record<string, unknown> | null;
  errors?: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }>;
}

/**
 * Asks who is signed in as soon as the page starts, while the app's code downloads: every page of the
 * signed-in app waits for this answer before it renders (RequireAuth). Resolves to null when the
 * answer is not a GraphQL one (offline, a proxy's error page): Apollo then asks again and reports it.
 */
export async function prefetchSession(): Promise<PrefetchedResult | null> {
  try {
    const response = await postGraphql('Me', ME_QUERY, {});
    const result = (await response.json()) as PrefetchedResult;
    return result && ('data' in result || 'errors' in result) ? result : null;
  } catch {
    return null;
  }
}
