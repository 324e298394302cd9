import type { Db } from '../database/db.service';
import type { SharedReads } from '../database/shared-reads';
import { isMembersQuery, type Plugin } from './apollo-plugin';
import type { RequestContext } from './context';

/**
 * A GraphQL query's workspace reads share one transaction, committed when the response is ready
 * (see SharedReads). Mutations keep a transaction per write, with their retries and idempotency.
 */
export function sharedReadsPlugin(db: Db): Plugin {
  return {
    async requestDidStart() {
      let reads: SharedReads | undefined;
      return {
        // Before execution, which may be graphql-js's or a compiled query's (see compiledQueriesPlugin).
        async didResolveOperation({ operation, contextValue }) {
          const { actor } = contextValue as RequestContext;
          if (actor && isMembersQuery(operation, contextValue)) reads = db.shareReads(actor);
        },
        async willSendResponse() {
          await reads?.finish();
        },
      };
    },
  };
}
