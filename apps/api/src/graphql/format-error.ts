import { ERROR_CODES, type ErrorCode } from '@rapport/domain';
import type { GraphQLFormattedError } from 'graphql';
import { isDatabaseUnavailable } from '../database/pg-errors';

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

export interface FormatErrorOptions {
  /**
   * Leave out graphql-js's "Did you mean …?" hints, which name fields, arguments, types and enum
   * values of the schema (production, where introspection is off too). Apollo's
   * `hideSchemaDetailsFromClientErrors` strips them from validation errors only; variable coercion
   * errors carry them as well.
   */
  hideSuggestions: boolean;
}

/** ` Did you mean "name"?`, ` Did you mean the enum value "PLANNED"?`, ` Did you mean to use an inline fragment on …?` */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;
const withoutSuggestions = (text: string): string => text.replace(SUGGESTION, '');

/** `extensions.fields` when it is a map of field → message, as BAD_USER_INPUT carries it. */
function fieldsOf(value: unknown): Record<string, string> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const entries = Object.entries(value);
  return entries.every(([, message]) => typeof message === 'string')
    ? (Object.fromEntries(entries) as Record<string, string>)
    : undefined;
}

/** `Variable "$input" got invalid value 5 at "input.cadenceDays"; …` → { cadenceDays: message }. */
function fieldsFromCoercionMessage(message: string): Record<string, string> {
  const at = /at "(?:[^".]+)\.([^"]+)"/.exec(message)?.[1];
  const variable = /Variable "\$([^"]+)"/.exec(message)?.[1];
  const field = at ?? variable;
  return field ? { [field]: message } : {};
}

/** Messages longer than this have the values they quote cut short (see shortenQuoted). */
const LONG_MESSAGE = 1_000;
/** How much of a quoted value a long message keeps. */
const QUOTE_KEPT = 100;

/**
 * graphql-js quotes a refused value back in full (`got invalid value "…"; Int cannot represent
 * non-integer value: "…"`), and the message is repeated in `fields`: a 1 MB text sent where a number
 * goes was answered with 4 MB. Each quoted value of a long message keeps its first characters.
 */
function shortenQuoted(text: string): string {
  if (text.length <= LONG_MESSAGE) return text;
  let out = '';
  let at = 0;
  for (let open = text.indexOf('"'); open >= 0; open = text.indexOf('"', at)) {
    let close = open + 1;
    while (close < text.length && text[close] !== '"') close += text[close] === '\\' ? 2 : 1;
    const quoted = text.slice(open + 1, close);
    const kept = quoted.length > QUOTE_KEPT ? `${quoted.slice(0, QUOTE_KEPT)}…` : quoted;
    out += `${text.slice(at, open)}"${kept}${close < text.length ? '"' : ''}`;
    at = close + 1;
  }
  return at < text.length ? out + text.slice(at) : out;
}

/**
 * Gives every error one of the contract's codes and no internals. Unknown errors are logged with
 * the request id and answered as INTERNAL_SERVER_ERROR.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  original: unknown,
  logInternal: (error: unknown) => string | undefined,
  options: FormatErrorOptions = { hideSuggestions: false },
): GraphQLFormattedError {
  const answer = classify(formatted, original, logInternal);
  const rewrite = options.hideSuggestions
    ? (text: string) => withoutSuggestions(shortenQuoted(text))
    : shortenQuoted;
  const fields = fieldsOf(answer.extensions?.fields);
  return {
    ...answer,
    message: rewrite(answer.message),
    ...(fields && answer.extensions
      ? {
          extensions: {
            ...answer.extensions,
            fields: Object.fromEntries(
              Object.entries(fields).map(([field, message]) => [field, rewrite(message)]),
            ),
          },
        }
      : {}),
  };
}

function classify(
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
    // A validation rule of ours may name the field at fault (a page size: `first`).
    const fields = fieldsOf(formatted.extensions?.fields) ?? {};
    return { message, locations, extensions: { code: 'BAD_USER_INPUT', fields } };
  }
  const requestId = logInternal(original);
  if (isDatabaseUnavailable(original)) {
    // Still INTERNAL_SERVER_ERROR (the contract's codes), but a client may retry: see unavailableStatus.
    return {
      message: 'The database is unavailable for a moment. Please try again.',
      path,
      extensions: { code: 'INTERNAL_SERVER_ERROR', retryable: true, ...(requestId ? { requestId } : {}) },
    };
  }
  return {
    message: 'Something went wrong on our side. It has been logged.',
    path,
    extensions: { code: 'INTERNAL_SERVER_ERROR', ...(requestId ? { requestId } : {}) },
  };
}
