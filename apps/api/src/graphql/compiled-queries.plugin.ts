import type {
  DocumentNode,
  GraphQLError,
  GraphQLFormattedError,
  GraphQLSchema,
  OperationDefinitionNode,
} from 'graphql';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';
import { isMembersQuery, type Plugin } from './apollo-plugin';
import type { RequestContext } from './context';
import { tagWithRequest } from './error-request-ids';

/** The app's error formatter, the one Apollo is given (`formatError`). */
export type FormatGraphQLError = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

/**
 * Runs a member's queries compiled (graphql-jit): each operation is turned once into a function that
 * calls the same resolvers without graphql-js's per-field interpretation. A page of 50 customers is
 * some 1,000 fields: the API's CPU per page fell by about a fifth (docs/performance.md).
 *
 * Errors a resolver raised are formatted as Apollo formats them (the code defaults to
 * INTERNAL_SERVER_ERROR, then the app's `formatError`), so the answer is the same either way. A
 * request that fails before any resolver runs (variables that do not coerce) is left to graphql-js,
 * whose words and HTTP 400 the contract keeps; so is one whose error asks for an HTTP status.
 * Only members' queries (see isMembersQuery).
 */
export function compiledQueriesPlugin(formatError: FormatGraphQLError): Plugin {
  // Per operation of a parsed document: Apollo keeps parsed documents (same query text, same object).
  const compiled = new WeakMap<OperationDefinitionNode, CompiledQuery | null>();
  const compiledFor = (schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode) => {
    let query = compiled.get(operation);
    if (query === undefined) {
      const result = compileQuery(schema, document, operation.name?.value);
      query = isCompiledQuery(result) ? result : null; // what graphql-jit cannot compile, graphql-js runs
      compiled.set(operation, query);
    }
    return query;
  };
  const format = (error: GraphQLError): GraphQLFormattedError =>
    formatError(
      {
        ...error.toJSON(),
        extensions: { ...error.extensions, code: error.extensions?.code ?? 'INTERNAL_SERVER_ERROR' },
      },
      error,
    );
  return {
    async requestDidStart() {
      return {
        async responseForOperation({ schema, document, operation, request, contextValue, response }) {
          if (!isMembersQuery(operation, contextValue)) return null;
          const query = compiledFor(schema, document, operation);
          if (!query) return null;
          const { data, errors } = await query.query(undefined, contextValue, request.variables ?? {});
          if (errors?.length && (data === undefined || errors.some((e) => e.extensions?.http))) return null;
          if (errors?.length) tagWithRequest(errors, (contextValue as RequestContext).requestId);
          // The head is the response's own: execution errors set no status or header here.
          return {
            http: response.http,
            body: {
              kind: 'single',
              singleResult: { data, ...(errors?.length ? { errors: errors.map(format) } : {}) },
            },
          };
        },
      };
    },
  };
}
