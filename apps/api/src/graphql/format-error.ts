import { ERROR_CODES, type ErrorCode } from '@rapport/domain';
import type { GraphQLFormattedError } from 'graphql';

/** Codes Apollo and graphql-js produce for a malformed request: the client's fault. */
const CLIENT_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

const isContractCode = (code: unknown): code is ErrorCode => ERROR_CODES.includes(code as ErrorCode);

/** `Variable "$input" got invalid value 5 at "input.cadenceDays"; …` → { cadenceDays: message }. */
function fieldsFromCoercionMessage(message: string): Record<string, string> {
  const at = /at "(?:[^".]+)\.([^"]+)"/.exec(message)?.[1];
  const variable = /Variable "\$([^"]+)"/.exec(message)?.[1];
  const field = at ?? variable;
  return field ? { [field]: message } : {};
}

/**
 * Gives every error one of the contract's codes and no internals. Unknown errors are logged with
 * the request id and answered as INTERNAL_SERVER_ERROR.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  original: unknown,
  logInternal: (error: unknown) => string | undefined,
): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  const { message, locations, path } = formatted;
  if (isContractCode(code) && code !== 'INTERNAL_SERVER_ERROR') {
    const fields = formatted.extensions?.fields;
    return {
      message,
      locations,
      path,
      extensions: {
        code,
        ...(code === 'BAD_USER_INPUT' ? { fields: fields ?? fieldsFromCoercionMessage(message) } : {}),
        ...(fields && code !== 'BAD_USER_INPUT' ? { fields } : {}),
      },
    };
  }
  if (typeof code === 'string' && CLIENT_ERROR_CODES.has(code)) {
    return { message, locations, extensions: { code: 'BAD_USER_INPUT', fields: {} } };
  }
  const requestId = logInternal(original);
  return {
    message: 'Something went wrong on our side. It has been logged.',
    path,
    extensions: { code: 'INTERNAL_SERVER_ERROR', ...(requestId ? { requestId } : {}) },
  };
}
