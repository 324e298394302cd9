import type { Plugin } from './apollo-plugin';
import type { RequestContext } from './context';

/**
 * The request each error arose in, for the log line and the answer of an unexpected error: Apollo
 * gives `formatError` the error alone. A request's errors are tagged when it meets them (the plugin
 * below, the compiled queries), and a failed context's error as it fails.
 */
const requestIds = new WeakMap<object, string>();

export function tagWithRequest(errors: readonly unknown[], requestId: string): void {
  for (const error of errors)
    if (typeof error === 'object' && error !== null) requestIds.set(error, requestId);
}

/** The request `error` was tagged with, or the error it wraps (as Apollo wraps a failed context's). */
export function requestIdOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { originalError } = error as { originalError?: unknown };
  return requestIds.get(error) ?? (originalError ? requestIdOf(originalError) : undefined);
}

/** Tags the errors of each GraphQL request with its id (see requestIdOf). */
export const errorRequestIdsPlugin: Plugin = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ errors, contextValue }) {
        tagWithRequest(errors, (contextValue as RequestContext).requestId);
      },
    };
  },
};
