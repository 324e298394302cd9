import { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { isDatabaseUnavailable } from '../database/pg-errors';
import type { Plugin } from './apollo-plugin';

/**
 * Answers HTTP 503 with Retry-After when an error says the database was unavailable
 * (`extensions.retryable`, see formatError), so clients and proxies that retry on 5xx do so — with the
 * same idempotency key for writes.
 */
export const unavailableStatus: Plugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
        if (!errors?.some((error) => error.extensions?.retryable === true)) return;
        response.http.status = 503;
        response.http.headers.set('retry-after', '1');
      },
    };
  },
};

/**
 * The session lookup runs while the context is built, before any plugin hook: when the database is
 * unavailable there, the error itself must carry the 503 (formatError still words it).
 */
export function rethrowWith503IfUnavailable(error: unknown): never {
  if (!isDatabaseUnavailable(error)) throw error;
  throw new GraphQLError('The database is unavailable', {
    originalError: error instanceof Error ? error : undefined,
    extensions: {
      code: 'INTERNAL_SERVER_ERROR',
      http: { status: 503, headers: new HeaderMap([['retry-after', '1']]) },
    },
  });
}
