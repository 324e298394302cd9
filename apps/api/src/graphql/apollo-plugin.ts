import type { ApolloDriverConfig } from '@nestjs/apollo';
import type { OperationDefinitionNode } from 'graphql';

/** An Apollo plugin, typed as Nest declares plugins (its types come from @apollo/server's ESM build, ours from CJS). */
export type Plugin = NonNullable<ApolloDriverConfig['plugins']>[number];

/**
 * A query asked by a signed-in member. Such a query only reads: its reads share one transaction
 * (sharedReadsPlugin) and it runs compiled (compiledQueriesPlugin). Public queries may count an
 * attempt against a rate limit, and mutations write: both run as graphql-js runs them.
 */
export const isMembersQuery = (
  operation: OperationDefinitionNode | undefined,
  contextValue: unknown,
): boolean => operation?.operation === 'query' && Boolean((contextValue as { actor?: unknown }).actor);
